// Trunk post_build hook step, the first: turns the module cargo linked into the one the page
// starts with and one module per screen, loaded on demand (src/ui/screens.rs), then shrinks each
// with wasm-opt. Trunk 0.21 has no step between cargo and wasm-bindgen, where splitting must
// happen, so this step takes cargo's output again and replaces what Trunk's wasm-bindgen wrote.
//
// A split build is one compiled with `--cfg pilotdeck_split -Clink-args=--emit-relocs` (the
// `split_flags` of scripts/env): cargo's module then carries the relocations wasm-split-cli needs.
// Its steps, in order:
//   1. wasm-split-cli cuts the module at each `#[lazy]` screen: the main module, a module per
//      screen, shared chunks, and __wasm_split.js, which fetches and links them;
//   2. wasm-bindgen --target web --keep-lld-exports writes the JS glue for the main module;
//   3. wasm-opt -Oz shrinks every module (two at a time);
//   4. each file is named after a digest of its bytes (a new build never meets an old chunk in
//      a cache), and the page's integrity hash of the JS glue is brought up to date.
// The results are kept in target/split/<digest of cargo's module>, so a second build of the same
// code (the sub-path build of scripts/test) copies them instead of running the tools again.
//
// Any other release build is only shrunk (wasm-opt runs here rather than in Trunk, which
// index.html tells not to); a development build is left as Trunk wrote it.
// Usage (scripts/post-build.mjs runs it): TRUNK_STAGING_DIR=<dir> node scripts/split.mjs
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { staged } from "./staging.mjs";

const run = promisify(execFile);
const { staging, page, fail } = staged("split.mjs");

// wasm-opt's settings for every module: what the browsers Pilotdeck supports all have, and
// the first 1,024 bytes of memory never used (the far end of Rust's stack; see index.html).
const WASM_OPT = [
  "-Oz",
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
  "--low-memory-unused",
  "--strip-debug",
  "--strip-producers",
];

const release = process.env.TRUNK_PROFILE === "release";
const split = /--cfg[= ]pilotdeck_split\b/.test(process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?? "");
const digest = (bytes, length = 16) => createHash("sha256").update(bytes).digest("hex").slice(0, length);

// Trunk's names: pilotdeck-<hash>.js and pilotdeck-<hash>_bg.wasm at the root of the build.
const glue = readdirSync(staging).find((name) => /^pilotdeck-[0-9a-f]+\.js$/.test(name));
if (!glue) fail(`no pilotdeck-<hash>.js in ${staging}`);
const stem = glue.slice(0, -".js".length);
const mainWasm = `${stem}_bg.wasm`;

async function optimise(files) {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await run("wasm-opt", [...WASM_OPT, file, "-o", file]);
    }
  };
  await Promise.all([worker(), worker()]);
}

if (!split) {
  if (release) {
    await optimise([join(staging, mainWasm)]);
    console.log(`scripts/split.mjs: not a split build; ${mainWasm} optimised`);
  } else {
    console.log("scripts/split.mjs: a development build, left as Trunk wrote it");
  }
  process.exit(0);
}

const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? ".", "target");
const linked = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "pilotdeck.wasm");
if (!existsSync(linked)) fail(`cargo's module ${linked} is missing`);
const cache = join(targetDir, "split", digest(readFileSync(linked)));

if (!existsSync(join(cache, "done"))) {
  rmSync(cache, { recursive: true, force: true });
  const cut = join(cache, "cut");
  const out = join(cache, "out");
  mkdirSync(out, { recursive: true });
  await run("wasm-split-cli", [linked, cut, "--out-name", "pilotdeck"]);
  await run("wasm-bindgen", [
    "--target", "web",
    "--keep-lld-exports",
    "--no-typescript",
    "--out-dir", out,
    "--out-name", "pilotdeck",
    join(cut, "pilotdeck.wasm"),
  ]);
  for (const name of readdirSync(cut)) {
    if (name !== "pilotdeck.wasm") cpSync(join(cut, name), join(out, name));
  }
  rmSync(cut, { recursive: true });
  if (release) await optimise(readdirSync(out).filter((n) => n.endsWith(".wasm")).map((n) => join(out, n)));
  writeFileSync(join(cache, "done"), "");
}
const out = join(cache, "out");

// Every module fetched on demand, by a name that changes with its bytes: chunk_9.wasm becomes
// pilotdeck-chunk_9-<digest>.wasm; split_pilotdeck_plan.wasm becomes pilotdeck-plan-<digest>.wasm.
let loader = readFileSync(join(out, "__wasm_split.js"), "utf8");
const modules = readdirSync(out).filter((n) => n.endsWith(".wasm") && n !== "pilotdeck_bg.wasm");
for (const name of modules) {
  const bytes = readFileSync(join(out, name));
  // split_pilotdeck_plan.wasm (src/ui/screens.rs names each module) → plan.
  const base = name.replace(/^split_(?:pilotdeck_)?/, "").replace(/\.wasm$/, "");
  const renamed = `pilotdeck-${base}-${digest(bytes)}.wasm`;
  writeFileSync(join(staging, renamed), bytes);
  if (!loader.includes(`"./${name}"`)) fail(`__wasm_split.js does not name ${name}`);
  loader = loader.replaceAll(`"./${name}"`, `"./${renamed}"`);
}
// Each module is compiled as it arrives, all of a module's chunks and itself at once; only
// instantiating waits for the chunks it needs (wasm-split-cli's loader compiles a module once its
// chunks are instantiated, one link of the chain after the other). A module the page began
// compiling early (plansEarly, below) is taken from there, once. A failed fetch or compile
// (offline) is handled where it is awaited, not reported as an unhandled rejection meanwhile on
// top of the failed load the app itself shows; a retry starts afresh.
const MODULE = /const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
if (!MODULE.test(loader)) fail("__wasm_split.js fetches and instantiates no module the way this step expects");
loader = loader.replace(
  MODULE,
  `const compiled = compile("$1");
    compiled.catch(() => {});
    return async (imports) => WebAssembly.instantiate(await compiled, imports);`,
);
loader += `
/** The module \`name\` compiled: the page's early compile of it (index.html) the first time, if
 * there is one and it worked; else fetched and compiled as it arrives. */
function compile(name) {
  const early = globalThis.pilotdeckEarly && globalThis.pilotdeckEarly[name];
  const fetched = () => WebAssembly.compileStreaming(fetch(new URL(\`./\${name}\`, import.meta.url)));
  if (!early) return fetched();
  delete globalThis.pilotdeckEarly[name];
  return early.catch(fetched);
}
`;
// The loader asks the main module's glue for the shared memory and table.
if (!loader.includes('from "./pilotdeck.js"')) fail("__wasm_split.js does not import ./pilotdeck.js");
loader = loader.replace('from "./pilotdeck.js"', `from "./${glue}"`);
const loaderName = `pilotdeck-split-${digest(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);

let js = readFileSync(join(out, "pilotdeck.js"), "utf8");
// Only where the glue imports the loader: the key of the imports object is the module name
// the wasm asks for, and stays.
if (!js.includes('from "./__wasm_split.js"')) fail("the glue does not import ./__wasm_split.js");
js = js.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
writeFileSync(join(staging, glue), js);
cpSync(join(out, "pilotdeck_bg.wasm"), join(staging, mainWasm));

// The page preloads the glue with an integrity hash of what Trunk wrote: now of this glue. It
// preloads the loader the glue imports too: found only once the glue had arrived and been
// parsed, the loader was fetched after the page's early compile script had taken the main
// thread for the first reading of storage (50 to 80 ms with 1,000 plans), and the app started
// when it came, 50 to 60 ms later than it could.
const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const html = readFileSync(page, "utf8");
const LINK = new RegExp(`(<link[^>]*href="([^"]*)${glue.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*("[^>]*>)`);
const found = LINK.exec(html);
if (!found) fail(`no preload of ${glue} with an integrity hash in ${page}`);
// The early compile script goes first, after the <base> its file names are read against: a
// script after the style sheet waits for the sheet, and the reading of storage with it.
const BASE = /<base\b[^>]*>/;
if (!BASE.test(html)) fail(`no <base> in ${page}`);
const loaderLink = `<link rel="modulepreload" href="${found[2]}${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`;
writeFileSync(
  page,
  html
    .replace(LINK, `$1${sri(js)}$3${loaderLink}`)
    .replace(BASE, `$&\n${plansEarly(loader)}`),
);

/**
 * The page's script that, on a device with plans stored (or one a service worker answers for, which
 * it asks first: that costs no reading of storage), starts compiling the portfolio's module
 * and the chunks it needs (src/ui/screens.rs: the portfolio with plans is a module of its own)
 * while the main module downloads, and leaves them in `pilotdeckEarly` for the loader. Compiling
 * them when the app asks, after it has read the stored plans, kept the first screen waiting for
 * the compiler. It reads the index key of src/storage/keys.rs; that first reading of
 * localStorage, which loads the whole storage area, is then done before the app starts instead of
 * when it does. It runs in a task of its own, queued here, so the page goes on being parsed; the
 * page has it before its style sheet, which would hold it back until the sheet had arrived
 * (in alternated loads with 1,000 plans stored, the module was asked for 150 to 234 ms after
 * the navigation began; placed first, 85 to 166 ms).
 */
function plansEarly(loader) {
  const defined = (name) => {
    const constant = new RegExp(`const ${name} = makeLoad\\(\\(\\) => \\{\\s*const compiled = compile\\("([^"]+)"\\);[\\s\\S]*?\\n, \\[([^\\]]*)\\]\\);`);
    const found = constant.exec(loader);
    if (!found) fail(`__wasm_split.js defines no ${name} the way this step expects`);
    return found;
  };
  const PORTFOLIO = /export const __wasm_split_load_pilotdeck_portfolio = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const compiled = compile\("([^"]+)"\);[\s\S]*?\n, \[([^\]]*)\]\)\);/;
  const portfolio = PORTFOLIO.exec(loader);
  if (!portfolio) fail("__wasm_split.js loads no pilotdeck_portfolio module the way this step expects");
  const files = [portfolio[1]];
  const names = (list) => list.split(",").map((name) => name.trim()).filter(Boolean);
  const pending = names(portfolio[2]);
  for (let name = pending.shift(); name; name = pending.shift()) {
    const [, file, deps] = defined(name);
    if (!files.includes(file)) files.push(file);
    pending.push(...names(deps));
  }
  return `  <script>
      // A device with plans opens on them: compile the portfolio's modules now (scripts/split.mjs).
      setTimeout(function () {
        if (typeof WebAssembly !== "object" || !WebAssembly.compileStreaming) return;
        // Kept on this device by a service worker: a returning visit, most likely with plans.
        var kept = navigator.serviceWorker && navigator.serviceWorker.controller;
        try {
          if (!kept && localStorage.getItem("pilotdeck/v1/index") === null) return;
        } catch (error) {
          return;
        }
        var early = (window.pilotdeckEarly = {});
        ${JSON.stringify(files)}.forEach(function (name) {
          early[name] = WebAssembly.compileStreaming(fetch(name));
          early[name].catch(function () {});
        });
      });
    </script>`;
}

// Stale files of an earlier split build in the staging folder cannot exist: Trunk stages afresh.
console.log(`scripts/split.mjs: ${mainWasm} and ${modules.length} modules on demand, loaded by ${loaderName}`);
