// Trunk post_build hook step: joins the style sheets Trunk wrote (tokens, base, components,
// themes, print: one <link rel="stylesheet"> each) into one file, in the same order, so the page
// asks for one style sheet instead of five. The browser waits for every style sheet before it
// runs the script that starts the wasm, and on a static host each request costs a round trip:
// in alternated runs the wasm started 24 to 28 ms sooner with one file.
// A release build's sheet also loses its comments and indentation (4 KB gzip on a first visit);
// the rules, their order and every line break between them stay.
// The sources stay separate in style/; only the build joins them. The joined file is named after
// a digest of its text, like Trunk's own files, and keeps an integrity hash.
// Usage (scripts/post-build.mjs runs it): TRUNK_STAGING_DIR=<dir> node scripts/styles.mjs
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bareCss } from "./bare-css.mjs";
import { staged } from "./staging.mjs";

const { staging, page: file, fail } = staged("styles.mjs");
const release = process.env.TRUNK_PROFILE === "release";

const html = readFileSync(file, "utf8");

// Trunk writes each style sheet as a link to a file at the root of the build, under the public
// URL: href="/tokens-<hash>.css" (or "/pilotdeck/tokens-<hash>.css").
const LINK = /^[ \t]*<link rel="stylesheet" href="([^"]*\/)?([^"/]+\.css)"[^>]*>[ \t]*\r?\n/gm;
const links = [...html.matchAll(LINK)];
// Runs inside post-build.mjs with the other steps, so it never exits on success: with fewer
// than two sheets there is nothing to join and the page stays as Trunk wrote it.
if (links.length < 2) {
  console.log(`scripts/styles.mjs: ${links.length} style sheet(s) in ${file}, nothing to join`);
} else {
  joinSheets(links);
}

function joinSheets(links) {
  const prefixes = new Set(links.map((link) => link[1] ?? ""));
  if (prefixes.size !== 1) fail(`the style sheets are in different folders: ${[...prefixes].join(", ")}`);
  const [prefix] = prefixes;

  // Each sheet keeps its own text, one after the other: the cascade sees the same rules in the
  // same order. None of them uses @import or @charset, which must come first in a file.
  const names = links.map((link) => link[2]);
  const parts = names.map((name) => {
    const text = readFileSync(join(staging, name), "utf8");
    if (/@import|@charset/.test(text)) fail(`${name} uses @import or @charset, which cannot be joined`);
    return `/* ${name.replace(/-[0-9a-f]{16}\.css$/, ".css")} */\n${text.trimEnd()}\n`;
  });
  let joined = parts.join("\n");
  if (release) {
    try {
      joined = bareCss(joined);
    } catch (error) {
      fail(error.message);
    }
  }
  const digest = createHash("sha256").update(joined).digest("hex").slice(0, 16);
  const target = `pilotdeck-${digest}.css`;
  const integrity = createHash("sha384").update(joined).digest("base64");
  writeFileSync(join(staging, target), joined);
  for (const name of names) rmSync(join(staging, name));

  // The one link takes the place of the first; the others go.
  let first = true;
  const rewritten = html.replace(LINK, (line) => {
    if (!first) return "";
    first = false;
    const indent = line.match(/^[ \t]*/)[0];
    return `${indent}<link rel="stylesheet" href="${prefix}${target}" integrity="sha384-${integrity}"/>\n`;
  });
  writeFileSync(file, rewritten);
  console.log(`scripts/styles.mjs: ${names.length} style sheets joined into ${target} in ${staging}`);
}
