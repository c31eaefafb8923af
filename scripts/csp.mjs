// Trunk post_build hook: writes Pilotdeck's Content-Security-Policy into the built index.html as
// a <meta http-equiv> (the first element of <head>, so it governs everything after it), with a
// sha256 hash for each inline <script> Trunk wrote. Those scripts change with every build (the
// bootstrap names the hashed JS and wasm files), so the hashes can only be computed here, after
// Trunk has written $TRUNK_STAGING_DIR/index.html and before it moves the build to dist/.
// Running it twice gives the same file: an existing policy meta tag is replaced.
// Usage (Trunk.toml runs it): TRUNK_STAGING_DIR=<dir> node scripts/csp.mjs
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { staged } from "./staging.mjs";

const { page: file, fail } = staged("csp.mjs");
let html = readFileSync(file, "utf8");

// `trunk serve` appends an inline live-reload script whose placeholders its server fills in per
// request (the Host header and the websocket path), which would change the script after we hashed
// it. Fill them in now with what Trunk itself falls back to: the page's own host, and the
// websocket base it derives from the public URL (this must follow `[serve] ws_base` if that is
// ever set). Release builds have no such script, so nothing changes for them.
function websocketBase(publicUrl) {
  let path = publicUrl || "/";
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) path = new URL(path).pathname;
  else if (path.startsWith(".")) path = path.slice(1) || "/";
  else if (!path.startsWith("/")) path = `/${path}`;
  return path.endsWith("/") ? path : `${path}/`;
}
html = html
  .replaceAll("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
  .replaceAll("`{{__TRUNK_ADDRESS__}}`", "window.location.host")
  .replaceAll("{{__TRUNK_WS_BASE__}}", websocketBase(process.env.TRUNK_PUBLIC_URL));

// Every <script> without a src: its exact text is what the browser hashes.
const hashes = [];
for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\ssrc\s*=/i.test(attributes)) continue;
  if (text.includes("{{__TRUNK_") || text.includes("{{NONCE}}")) {
    fail("an inline script still holds a Trunk placeholder that the server would rewrite after hashing");
  }
  hashes.push(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
}
if (hashes.length === 0) fail(`no inline <script> found in ${file}: is Trunk's bootstrap missing?`);

// base-uri 'self', not 'none': index.html carries <base href="/"> (from
// <base data-trunk-public-url />), and the router and share links read document.baseURI to find
// the path the app is served from. With 'none' Chromium refuses that element, baseURI falls back
// to the page's own URL, and a deep link such as /plans/<id> no longer routes.
// frame-ancestors is left out: browsers ignore it in a <meta> policy (a host must send it as a
// header).
// The sync servers plans may be shared live through: given when building, as the origins the
// deployment runs (PILOTDECK_SYNC_SERVERS="wss://sync.example.org"; a port may be "*"). None by
// default: a build that shares nothing talks to nothing but its own origin.
const syncServers = (process.env.PILOTDECK_SYNC_SERVERS ?? "").split(/\s+/).filter(Boolean);
for (const server of syncServers) {
  if (!/^wss?:\/\/[A-Za-z0-9.\-[\]]+(:(\d+|\*))?$/.test(server)) {
    fail(`PILOTDECK_SYNC_SERVERS holds "${server}": give origins like wss://sync.example.org or ws://127.0.0.1:1234`);
  }
}

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  ["connect-src 'self'", ...syncServers].join(" "),
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

html = html.replace(/[ \t]*<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>\r?\n?/gi, "");
const head = /<head(\s[^>]*)?>/i.exec(html);
if (!head) fail(`no <head> in ${file}`);
const at = head.index + head[0].length;
html = `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;

// The encoding declaration must stay within the first 1024 bytes, or browsers that get no charset
// from the server (trunk serve sends none) guess the encoding instead.
const charset = /<meta\s+charset=[^>]*>/i.exec(html);
if (charset && Buffer.byteLength(html.slice(0, charset.index + charset[0].length)) > 1024) {
  fail("<meta charset> ends after the first 1024 bytes once the policy is added");
}

writeFileSync(file, html);
console.log(`scripts/csp.mjs: Content-Security-Policy with ${hashes.length} inline script hash(es) written to ${file}`);
