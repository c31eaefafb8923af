// Trunk post_build hook step: starts compiling the wasm while it downloads, instead of after.
//
// Trunk's bootstrap is a module script, and module scripts run only once the page is parsed and
// its style sheets are in: by then the wasm has usually arrived whole, and its compile starts
// from the beginning. This step adds a small inline script right after the wasm's preload link
// that hands the preloaded response to `WebAssembly.compileStreaming`, which compiles as the
// bytes come in, and makes the bootstrap instantiate that compiled module.
//
// If the early compile fails (a host that serves the wasm without the application/wasm type,
// say), the bootstrap gets a fresh response instead and wasm-bindgen takes its usual path, with
// its own fallback for such hosts. Runs before csp.mjs, which hashes every inline script.
// Usage (scripts/post-build.mjs runs it): TRUNK_STAGING_DIR=<dir> node scripts/early-wasm.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { staged } from "./staging.mjs";

const { page: file, fail } = staged("early-wasm.mjs");
const html = readFileSync(file, "utf8");

// What Trunk 0.21 writes: the bootstrap's init call, and the wasm's preload link.
const INIT = /await init\(\{ module_or_path: '([^']+_bg\.wasm)' \}\)/;
const init = html.match(INIT);
if (!init) fail(`no bootstrap calling init({ module_or_path: '…_bg.wasm' }) in ${file}`);
const url = init[1];
const PRELOAD = new RegExp(`<link rel="preload" href="${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`);
const preload = html.match(PRELOAD);
if (!preload) fail(`no preload link for ${url} in ${file}`);

// JSON.stringify writes the address as a JS string literal.
// A browser without streaming compilation leaves it unset, and the bootstrap fetches as usual.
const early = `<script>
      // Compile the wasm as it arrives (scripts/early-wasm.mjs); the bootstrap instantiates it.
      if (typeof WebAssembly === "object" && WebAssembly.compileStreaming) {
        window.pilotdeckWasm = WebAssembly.compileStreaming(fetch(${JSON.stringify(url)})).catch(function () {
          return fetch(${JSON.stringify(url)});
        });
      }
    </script>`;
const rewritten = html
  .replace(PRELOAD, (link) => `${link}\n    ${early}\n`)
  .replace(INIT, `await init({ module_or_path: window.pilotdeckWasm || '${url}' })`);
writeFileSync(file, rewritten);
console.log(`scripts/early-wasm.mjs: ${url} compiled as it downloads, in ${file}`);
