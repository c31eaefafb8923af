// Trunk post_build hook step: drops the `integrity` attribute from the wasm's
// <link rel="preload" as="fetch">. Chromium ignores integrity on fetch preloads and logs a
// warning about it on every load; the bootstrap's own fetch of the wasm carries none either.
// The JS module's <link rel="modulepreload"> keeps its integrity, which browsers do check.
// Usage (scripts/post-build.mjs runs it): TRUNK_STAGING_DIR=<dir> node scripts/preload.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { staged } from "./staging.mjs";

const { page: file } = staged("preload.mjs");
const html = readFileSync(file, "utf8");
let changed = 0;
const tidy = html.replace(/<link\b[^>]*\brel="preload"[^>]*>/gi, (link) => {
  if (!/\bas="fetch"/i.test(link)) return link;
  changed += 1;
  return link.replace(/\s+integrity="[^"]*"/i, "");
});
writeFileSync(file, tidy);
console.log(`scripts/preload.mjs: integrity dropped from ${changed} fetch preload(s) in ${file}`);
