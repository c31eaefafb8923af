// Lighthouse (the npm package, pinned in package.json) against the release build (dist/) served
// on localhost, in the system's Chromium: the portfolio's first visit with empty storage, with
// the desktop preset and with the default (mobile) configuration, 5 runs each. Prints the median
// score of each category, records the budgeted ones for the summary of scripts/bench, and, for
// a category under budget, the audits that cost it points. Nothing is fetched from outside
// localhost: every request of every run is checked.
// Usage: node scripts/lighthouse-bench.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, QUIET_CHROMIUM, serve } from "./benchmarks/server.mjs";
import { isBudgeted, within } from "./benchmarks/budgets.mjs";
import { line, median, record } from "./benchmarks/results.mjs";

const RUNS = 5;
const CATEGORIES = ["performance", "accessibility", "best-practices"];
const CONFIGS = [
  { name: "desktop", flags: ["--preset=desktop"] },
  { name: "mobile", flags: [] },
];

/** One Lighthouse run of `url`: the parsed report. */
function lighthouse(url, flags, output) {
  const cli = spawnSync(
    process.execPath,
    [
      "node_modules/lighthouse/cli/index.js",
      url,
      ...flags,
      `--only-categories=${CATEGORIES.join(",")}`,
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      "--disable-full-page-screenshot",
      "--no-enable-error-reporting",
      `--chrome-flags=--headless=new ${QUIET_CHROMIUM.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: "utf8", timeout: 180_000 },
  );
  if (cli.status !== 0) throw new Error(`lighthouse failed (${cli.status}): ${cli.stderr || cli.stdout}`);
  const report = JSON.parse(readFileSync(output, "utf8"));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  return report;
}

/** Requests a run made to anything but this machine's server. */
function foreignRequests(report, base) {
  const items = report.audits["network-requests"]?.details?.items ?? [];
  return items.map((item) => item.url).filter((url) => !url.startsWith(base) && !/^(data|blob):/.test(url));
}

/** The audits that cost a category points in `report`, with what Lighthouse says about each. */
function losses(report, category) {
  return report.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => `${audit.id} (weight ${ref.weight}, score ${audit.score})${audit.displayValue ? `: ${audit.displayValue}` : ""}`);
}

const work = mkdtempSync(join(tmpdir(), "pilotdeck-lighthouse-"));
const server = await serve("dist", 4198);
let ok = true;
try {
  for (const config of CONFIGS) {
    const reports = [];
    for (let run = 0; run < RUNS; run++) {
      const report = lighthouse(`${server.base}/`, config.flags, join(work, `${config.name}-${run}.json`));
      const foreign = foreignRequests(report, server.base);
      if (foreign.length > 0) throw new Error(`requests outside localhost: ${foreign.join(", ")}`);
      reports.push(report);
    }
    for (const category of CATEGORIES) {
      const scores = reports.map((r) => Math.round(r.categories[category].score * 100));
      line(`Lighthouse ${config.name}: ${category}`, scores, "", 0);
      const id = `lh-${config.name}-${category}`;
      if (!isBudgeted(id)) continue;
      ok = record(id, scores) && ok;
      if (!within(id, median(scores))) {
        // The run with the median score says what cost the points.
        const middle = reports.find((r) => Math.round(r.categories[category].score * 100) === median(scores));
        for (const loss of losses(middle, category)) console.log(`    ${loss}`);
      }
    }
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
    for (const metric of metrics) {
      const values = reports.map((r) => r.audits[metric].numericValue);
      const unit = metric === "cumulative-layout-shift" ? "" : "ms";
      line(`  ${config.name} ${reports[0].audits[metric].title}`, values, unit, metric === "cumulative-layout-shift" ? 3 : 0);
    }
  }
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
