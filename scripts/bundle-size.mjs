// Prints the size of every file of the release build, raw and gzip (level 9), and the total of
// what a first visit downloads (wasm + JS + CSS + HTML). Exits 1 when the total is over budget.
// Usage: node scripts/bundle-size.mjs [dist] [budget KB]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const budgetKb = Number(process.argv[3] ?? 200);
const app = new Set([".wasm", ".js", ".css", ".html"]);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
let raw = 0;
let gzip = 0;
console.log(`${"file".padEnd(48)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
for (const path of files(dist).sort()) {
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  const counted = app.has(extname(path));
  if (counted) {
    raw += body.length;
    gzip += zipped;
  }
  const name = path.slice(dist.length + 1) + (counted ? "" : "  (on demand)");
  console.log(`${name.padEnd(48)} ${kb(body.length)} ${kb(zipped)}`);
}
console.log(`${"first visit: wasm + JS + CSS + HTML".padEnd(48)} ${kb(raw)} ${kb(gzip)}`);
const over = gzip / 1024 > budgetKb;
console.log(`budget ${budgetKb} KB gzip: ${over ? "OVER" : "within"}`);
process.exit(over ? 1 : 0);
