// The benchmark command's last word: every budget with its measured median, the budget, and ok
// or OVER; a budget nothing measured (its step failed) is shown as such. Exits 1 unless every
// budget was measured and kept.
// Usage: node scripts/benchmarks/summary.mjs <results file>
import { existsSync, readFileSync } from "node:fs";
import { BUDGETS, describe, within } from "./budgets.mjs";

const file = process.argv[2];
const measured = new Map();
if (file && existsSync(file)) {
  for (const text of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const result = JSON.parse(text);
    measured.set(result.id, result);
  }
}

const rows = BUDGETS.map(({ id, what, unit }) => {
  const result = measured.get(id);
  if (!result) return { what, median: "not measured", budget: describe(id), verdict: "OVER" };
  const digits = unit === "" ? 0 : result.value < 10 ? 2 : 1;
  const median = `${result.value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
  return { what, median, budget: describe(id), verdict: within(id, result.value) ? "ok" : "OVER" };
});

const widths = {
  what: Math.max(4, ...rows.map((r) => r.what.length)),
  median: Math.max(6, ...rows.map((r) => r.median.length)),
  budget: Math.max(6, ...rows.map((r) => r.budget.length)),
};
const row = (what, median, budgetText, verdict) =>
  `${what.padEnd(widths.what)}  ${median.padStart(widths.median)}  ${budgetText.padEnd(widths.budget)}  ${verdict}`;
console.log(row("what", "median", "budget", "ok/OVER"));
console.log(row("-".repeat(widths.what), "-".repeat(widths.median), "-".repeat(widths.budget), "-------"));
for (const r of rows) console.log(row(r.what, r.median, r.budget, r.verdict));
const over = rows.filter((r) => r.verdict !== "ok").length;
console.log(over === 0 ? "\nEvery budget kept." : `\n${over} of ${rows.length} budgets missed.`);
process.exit(over === 0 ? 0 : 1);
