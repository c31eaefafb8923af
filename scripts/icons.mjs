// Draws the app's PNG icons (for the web app manifest) from public/favicon.svg in the system's
// Chromium, so every icon comes from the one drawing in the repo. Run after changing the SVG:
//   node scripts/icons.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const svg = readFileSync("public/favicon.svg", "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
// The rounded square as drawn, and a maskable variant whose background fills the whole square
// (the launcher cuts its own shape; the mark sits well inside the central 80% it keeps).
const icons = [
  { file: "icon-192.png", size: 192, drawing: svg },
  { file: "icon-512.png", size: 512, drawing: svg },
  { file: "icon-maskable-512.png", size: 512, drawing: svg.replace(/ rx="\d+"/, "") },
];
for (const { file, size, drawing } of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${drawing.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log("icons written to public/icons/");
