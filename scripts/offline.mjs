// Trunk post-build hook: writes the service worker (sw.js) that makes Pilotdeck work offline
// after one visit. It lists every file of the build to keep, and names its cache after a digest
// of them all, so a new build is a new worker: the app then says "A new version is ready" and
// switches only when the user reloads, never under them.
//
// What the worker does: on install, it stores every file of the build; pages (any address in
// the app) are answered with the stored index.html, so deep links work offline; other requests
// to the app's own origin are answered from the store, or from the network when not stored.
// Nothing is sent anywhere else. It waits until the page says "skip-waiting" (the user chose to
// reload) before taking over from an older version.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { staged } from "./staging.mjs";

const { staging: dir } = staged("offline.mjs");

function walk(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join("/"))
  .filter((path) => path !== "sw.js")
  .sort();
const digest = createHash("sha256");
for (const path of files) {
  digest.update(path);
  digest.update(readFileSync(join(dir, path)));
}
const version = digest.digest("hex").slice(0, 16);

const worker = `// Pilotdeck's service worker, written by scripts/offline.mjs for this build only.
const VERSION = ${JSON.stringify(version)};
const CACHE = "pilotdeck-" + VERSION;
const FILES = ${JSON.stringify(files, null, 2)};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("pilotdeck-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    const page = new URL("index.html", self.registration.scope).href;
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(page)).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
});
`;
writeFileSync(join(dir, "sw.js"), worker);
console.log(`offline.mjs: sw.js keeps ${files.length} files (version ${version})`);
