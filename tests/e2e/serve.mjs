// A static server for the release build, with the single-page-app fallback a static host needs:
// any path that is not a file gets index.html, so deep links like /plans/<id> survive a reload.
// Text and wasm are sent gzipped to clients that accept it, as static hosts do, so transfer
// sizes (which Lighthouse's simulated network uses) are those of a real deployment.
// Usage: node tests/e2e/serve.mjs [dir] [port]
// For the offline tests it can also pretend a new build was deployed: after a request to
// /__test/deploy-next-build, sw.js is served with one more line, as a new build's would differ.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 4173);
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
/** Gzipped bodies by path, kept while the file's content stays the same. */
const gzipped = new Map();

function gzip(path, body) {
  const kept = gzipped.get(path);
  if (kept && kept.body.equals(body)) return kept.zipped;
  const zipped = gzipSync(body, { level: 9 });
  gzipped.set(path, { body, zipped });
  return zipped;
}

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

let nextBuild = false;

createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/__test/deploy-next-build") {
    nextBuild = true;
    response.writeHead(204).end();
    return;
  }
  const wanted = normalize(join(root, decodeURIComponent(url.pathname)));
  const inside = wanted.startsWith(root);
  let path = inside ? await file(wanted) : null;
  if (!path && !extname(url.pathname)) {
    path = join(root, "index.html");
  }
  if (!path) {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  let body = await readFile(path);
  if (nextBuild && path === join(root, "sw.js")) {
    body = Buffer.concat([body, Buffer.from("\n// The next build.\n")]);
  }
  const headers = {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": "no-cache",
  };
  if (compressed.has(extname(path))) {
    headers.vary = "accept-encoding";
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      headers["content-encoding"] = "gzip";
      body = gzip(path, body);
    }
  }
  response.writeHead(200, headers).end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}/`);
});
