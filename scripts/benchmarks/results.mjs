// Where each measurement leaves its median for the summary: one JSON line per budget, appended
// to the file named by PILOTDECK_BENCH_RESULTS (scripts/bench sets it). Run on their own, the
// measurements only print.
import { appendFileSync } from "node:fs";
import { within } from "./budgets.mjs";

/** The middle value of at least one number (the upper middle for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The 95th percentile, nearest rank: the smallest value at or above 95% of them. */
export function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)];
}

/** Records the median of `runs` (or `value` if given) for budget `id`; returns whether it keeps it. */
export function record(id, runs, { value = median(runs), note = "" } = {}) {
  const file = process.env.PILOTDECK_BENCH_RESULTS;
  if (file) appendFileSync(file, JSON.stringify({ id, value, runs, note }) + "\n");
  return within(id, value);
}

/** One line of a measurement's own report: what, median, and every run. */
export function line(what, values, unit = "ms", digits = 1) {
  const runs = values.map((v) => v.toFixed(digits === 0 ? 0 : Math.max(0, digits - 1))).join(", ");
  console.log(`${what.padEnd(62)} ${median(values).toFixed(digits).padStart(9)} ${unit.padEnd(3)} (runs: ${runs})`);
}
