// Prints the size of every file of the release build, raw and gzip (level 9), each marked as
// first visit, on demand or service worker, and the totals: the first visit (every file the page
// fetches before the portfolio works: the HTML page, the style sheet, the JS glue, the split
// loader it imports and the main wasm module), the modules fetched on demand, and everything
// (wasm + JS + CSS: the offline copy's code) but the sync engine's own module, which only people
// who share a plan live use and which is counted apart; with it, the engine's functions by name in
// the module cargo built (benchmarks/wasm-crates.mjs), a floor. Records the first visit,
// everything and the engine for the summary of scripts/bench. Exits 1 when a budget is missed.
// Usage: node scripts/bundle-size.mjs [dist]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { budget, within } from "./benchmarks/budgets.mjs";
import { record } from "./benchmarks/results.mjs";
import { sizeOf } from "./benchmarks/wasm-crates.mjs";

const dist = process.argv[2] ?? "dist";
const code = new Set([".wasm", ".js", ".css"]);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What the page starts with: index.html, the files its <link>s name (the style sheet, the
// glue's modulepreload, the main wasm's preload), and the split loader the glue imports.
const page = readFileSync(join(dist, "index.html"), "utf8");
const firstVisit = new Set(["index.html"]);
for (const [link] of page.matchAll(/<link\b[^>]*>/g)) {
  const href = /\bhref="(?:[^"]*\/)?([^"/]+)"/.exec(link)?.[1];
  if (href && /\brel="(?:stylesheet|modulepreload|preload)"/.test(link)) firstVisit.add(href);
}
for (const name of [...firstVisit].filter((n) => n.endsWith(".js"))) {
  for (const [, imported] of readFileSync(join(dist, name), "utf8").matchAll(/from "\.\/([^"]+\.js)"/g)) firstVisit.add(imported);
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const total = () => ({ raw: 0, gzip: 0 });
const totals = { first: total(), everything: total(), onDemand: total() };
const add = (sum, raw, gzip) => {
  sum.raw += raw;
  sum.gzip += gzip;
};
let modules = 0;
// The sync engine's own module (src/ui/live.rs): fetched like the others, but counted apart,
// since only people who share a plan live use it.
const SYNC = /^pilotdeck-sync-[0-9a-f]{16}\.wasm$/;
const engine = total();
console.log(`${"file".padEnd(56)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
for (const path of files(dist).sort()) {
  const name = path.slice(dist.length + 1);
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  const first = firstVisit.has(name);
  const isCode = code.has(extname(path));
  if (first) add(totals.first, body.length, zipped);
  if (SYNC.test(name)) add(engine, body.length, zipped);
  else if (isCode) add(totals.everything, body.length, zipped);
  const onDemand = isCode && !first && name !== "sw.js";
  if (onDemand && extname(path) === ".wasm") {
    add(totals.onDemand, body.length, zipped);
    modules += 1;
  }
  const note = first ? "  (first visit)" : name === "sw.js" ? "  (service worker)" : onDemand ? "  (on demand)" : "";
  console.log(`${(name + note).padEnd(56)} ${kb(body.length)} ${kb(zipped)}`);
}
const line = (what, sum) => console.log(`${what.padEnd(56)} ${kb(sum.raw)} ${kb(sum.gzip)}`);
line(`first visit: ${[...firstVisit].length} files before the portfolio works`, totals.first);
line(`on demand: ${modules} modules, fetched in idle time`, totals.onDemand);
line("everything: wasm + JS + CSS, but the sync engine", totals.everything);

let over = false;
for (const [id, sum] of [["first-visit", totals.first], ["bundle", totals.everything]]) {
  const gzipKb = sum.gzip / 1024;
  const kept = within(id, gzipKb);
  over ||= !kept;
  console.log(`budget ${budget(id).limit} KB gzip for ${budget(id).what}: ${kept ? "within" : "OVER"}`);
  record(id, [gzipKb]);
}

// The sync engine: its own module in a split build. Otherwise (or as a second view), the
// functions of yrs and of the sync module by name in the module cargo built, a floor that
// misses what the optimiser inlined elsewhere.
let engineOver = false;
const built = join(process.env.CARGO_TARGET_DIR ?? "target", "wasm32-unknown-unknown/release/pilotdeck.wasm");
if (existsSync(built)) {
  const named = sizeOf(built, [["yrs"], ["pilotdeck", "sync"]]);
  console.log(
    `${"sync engine by name: yrs + sync module".padEnd(56)} ${kb(named.raw)} ${kb(named.gzip)}  (${named.functions} functions, before wasm-opt)`,
  );
  if (engine.gzip === 0) add(engine, named.raw, named.gzip);
}
if (engine.gzip > 0) {
  const engineKb = engine.gzip / 1024;
  engineOver = engineKb > budget("sync-engine").limit;
  line("sync engine: its own module, when a plan is shared", engine);
  record("sync-engine", [engineKb]);
} else {
  console.log(`sync engine: not measured (${built} is missing: run scripts/build first)`);
}
process.exit(over || engineOver ? 1 : 0);
