// Prints the size of every file of the release build, raw and gzip (level 9); the total of the
// app's code and style (wasm + JS + CSS), which the budget is about; and the total of what the
// first visit downloads before the first screen (that plus the HTML page). Records the budgeted
// total for the summary of scripts/bench. Exits 1 when it is over budget.
// Usage: node scripts/bundle-size.mjs [dist] [budget KB, default: the one in benchmarks/budgets.mjs]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { budget } from "./benchmarks/budgets.mjs";
import { record } from "./benchmarks/results.mjs";

const dist = process.argv[2] ?? "dist";
const budgetKb = Number(process.argv[3] ?? budget("bundle").limit);
const code = new Set([".wasm", ".js", ".css"]);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const total = { code: { raw: 0, gzip: 0 }, html: { raw: 0, gzip: 0 } };
console.log(`${"file".padEnd(48)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
for (const path of files(dist).sort()) {
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  const ext = extname(path);
  const counted = code.has(ext) ? total.code : ext === ".html" ? total.html : null;
  if (counted) {
    counted.raw += body.length;
    counted.gzip += zipped;
  }
  const name = path.slice(dist.length + 1) + (counted ? "" : "  (on demand)");
  console.log(`${name.padEnd(48)} ${kb(body.length)} ${kb(zipped)}`);
}
console.log(`${"wasm + JS + CSS".padEnd(48)} ${kb(total.code.raw)} ${kb(total.code.gzip)}`);
console.log(`${"first visit: wasm + JS + CSS + HTML".padEnd(48)} ${kb(total.code.raw + total.html.raw)} ${kb(total.code.gzip + total.html.gzip)}`);
const gzipKb = total.code.gzip / 1024;
const over = gzipKb > budgetKb;
console.log(`budget ${budgetKb} KB gzip for wasm + JS + CSS: ${over ? "OVER" : "within"}`);
record("bundle", [gzipKb]);
process.exit(over ? 1 : 0);
