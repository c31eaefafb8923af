// Prints the size of every file of the release build, raw and gzip (level 9); the total of the
// app's code and style (wasm + JS + CSS), which the budget is about; and the total of what the
// first visit downloads before the first screen (that plus the HTML page). Records the budgeted
// total for the summary of scripts/bench. Then what the sync engine takes of it: the functions
// of yrs and of Pilotdeck's sync module in the module cargo built (which keeps their names;
// see benchmarks/wasm-crates.mjs), gzip; code of theirs inlined elsewhere is not counted.
// Exits 1 when a budget is missed.
// Usage: node scripts/bundle-size.mjs [dist] [budget KB, default: the one in benchmarks/budgets.mjs]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { budget } from "./benchmarks/budgets.mjs";
import { record } from "./benchmarks/results.mjs";
import { sizeOf } from "./benchmarks/wasm-crates.mjs";

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

let engineOver = false;
const built = join(process.env.CARGO_TARGET_DIR ?? "target", "wasm32-unknown-unknown/release/pilotdeck.wasm");
if (existsSync(built)) {
  const engine = sizeOf(built, [["yrs"], ["pilotdeck", "sync"]]);
  const engineKb = engine.gzip / 1024;
  engineOver = engineKb > budget("sync-engine").limit;
  console.log(
    `${"sync engine: yrs + sync module".padEnd(48)} ${kb(engine.raw)} ${kb(engine.gzip)}  (${engine.functions} functions, before wasm-opt)`,
  );
  record("sync-engine", [engineKb]);
} else {
  console.log(`sync engine: not measured (${built} is missing: run trunk build --release first)`);
}
process.exit(over || engineOver ? 1 : 0);
