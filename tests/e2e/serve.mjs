// A static server for the release build, with the single-page-app fallback a static host needs:
// any path that is not a file gets index.html, so deep links like /plans/<id> survive a reload.
// Usage: node tests/e2e/serve.mjs [dir] [port] [base]
// With a base path such as /pilotdeck/, the build is served from there, as a host that puts the
// app in a sub-path would: /pilotdeck/<path> is <dir>/<path>, the fallback applies under it, and
// anything outside it is "Not found" (so a file asked for at the root shows up as a failure);
// the base without its trailing slash redirects to it.
// Text and wasm are sent compressed to clients that accept it, as static hosts and CDNs do
// (Brotli where accepted, else gzip), so transfer sizes (which Lighthouse's simulated network
// uses) are those of a real deployment.
// For the offline tests it can also pretend a new build was deployed: after a request to
// /__test/deploy-next-build (at the root whatever the base), sw.js is served with one more line,
// a different one after each such request (each is a new build), as a new build's would differ.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 4173);
const base = `/${(process.argv[4] ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".ics": "text/calendar; charset=utf-8",
};

const compressed = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest", ".ics"]);
const encoders = {
  br: (body) =>
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzipSync(body, { level: 9 }),
};
/** Compressed bodies by encoding and path, kept while the file's content stays the same. */
const kept = new Map();

function compress(encoding, path, body) {
  const key = `${encoding} ${path}`;
  const known = kept.get(key);
  if (known && known.body.equals(body)) return known.packed;
  const packed = encoders[encoding](body);
  kept.set(key, { body, packed });
  return packed;
}

/**
 * Compresses every file of the build once, before the server answers, so that no request
 * (the first page load of a benchmark above all) waits for Brotli's slowest setting.
 */
async function precompress(dir) {
  let names;
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    return;
  }
  for (const name of names) {
    if (!compressed.has(extname(name))) continue;
    const path = join(dir, name);
    const body = await readFile(path);
    for (const encoding of Object.keys(encoders)) compress(encoding, path, body);
  }
}

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** The file for a path under the base, index.html for a page's address, or null. */
async function lookup(pathname) {
  if (!pathname.startsWith(base)) return null;
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return null;
  }
  const wanted = normalize(join(root, relative));
  const inside = wanted === root || wanted.startsWith(root + sep);
  const path = inside ? await file(wanted) : null;
  if (!path && !extname(pathname)) return join(root, "index.html");
  return path;
}

let builds = 0;
await precompress(root);

createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/__test/deploy-next-build") {
    builds += 1;
    response.writeHead(204).end();
    return;
  }
  // The base without its trailing slash is the app's address too: sent on to the base, as
  // static hosts do for a folder.
  if (base !== "/" && url.pathname === base.slice(0, -1)) {
    response.writeHead(301, { location: base + url.search }).end();
    return;
  }
  const path = await lookup(url.pathname);
  // No such file, or no build at all (index.html missing): not found, and the server keeps going.
  let body = path ? await readFile(path).catch(() => null) : null;
  if (!body) {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  if (builds > 0 && path === join(root, "sw.js")) {
    body = Buffer.concat([body, Buffer.from(`\n// Build ${builds} after this one.\n`)]);
  }
  const headers = {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": "no-cache",
  };
  if (compressed.has(extname(path))) {
    headers.vary = "accept-encoding";
    const accepted = request.headers["accept-encoding"] ?? "";
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
    if (encoding) {
      headers["content-encoding"] = encoding;
      body = compress(encoding, path, body);
    }
  }
  response.writeHead(200, headers).end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
  stat(join(root, "index.html")).catch(() => console.warn(`${root} holds no build yet: every path is Not found`));
});
