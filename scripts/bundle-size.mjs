// Prints the size of every file of the release build, raw and gzip (level 9), and three totals:
// the first visit (every file the page fetches before the portfolio works: the HTML page, the
// style sheet, the JS glue, the split loader it imports and the main wasm module), everything
// (wasm + JS + CSS, every module a screen fetches on demand included: the offline copy's code),
// and the modules fetched on demand, each listed with "(on demand)". Records the first visit
// and everything for the summary of scripts/bench. Then what the sync engine takes: the
// functions of yrs and of Pilotdeck's sync module in the module cargo built (which keeps their
// names; see benchmarks/wasm-crates.mjs), gzip; code of theirs inlined elsewhere is not counted.
// Exits 1 when a budget is missed.
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
for (const [, href] of page.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload|preload)"[^>]*\bhref="(?:[^"]*\/)?([^"/]+)"/g)) {
  firstVisit.add(href);
}
for (const name of [...firstVisit].filter((n) => n.endsWith(".js"))) {
  for (const [, imported] of readFileSync(join(dist, name), "utf8").matchAll(/from "\.\/([^"]+\.js)"/g)) firstVisit.add(imported);
}
for (const [, href] of page.matchAll(/<link\b[^>]*\bhref="(?:[^"]*\/)?([^"/]+)"[^>]*\brel="(?:stylesheet|modulepreload|preload)"/g)) {
  firstVisit.add(href);
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const total = () => ({ raw: 0, gzip: 0 });
const totals = { first: total(), everything: total(), onDemand: total() };
const add = (sum, raw, gzip) => {
  sum.raw += raw;
  sum.gzip += gzip;
};
let modules = 0;
console.log(`${"file".padEnd(56)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
for (const path of files(dist).sort()) {
  const name = path.slice(dist.length + 1);
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  const first = firstVisit.has(name);
  const isCode = code.has(extname(path));
  if (first) add(totals.first, body.length, zipped);
  if (isCode) add(totals.everything, body.length, zipped);
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
line("everything: wasm + JS + CSS", totals.everything);

let over = false;
for (const [id, sum] of [["first-visit", totals.first], ["bundle", totals.everything]]) {
  const gzipKb = sum.gzip / 1024;
  const kept = within(id, gzipKb);
  over ||= !kept;
  console.log(`budget ${budget(id).limit} KB gzip for ${budget(id).what}: ${kept ? "within" : "OVER"}`);
  record(id, [gzipKb]);
}

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
