// Takes the README's screenshots from the release build (dist/) in the system's Chromium:
// the empty portfolio, the example portfolio and one plan, in light and dark.
// Usage: node scripts/screenshots.mjs [out dir] (serves dist/ itself on a free port)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const out = process.argv[2] ?? "docs/screenshots";
const port = 4199;
const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(port)], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;

async function waitForServer() {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the static server did not start");
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(base);
    await page.getByRole("heading", { name: "Portfolio" }).waitFor();
    if (scheme === "light") await page.screenshot({ path: `${out}/empty.png` });
    await page.getByRole("button", { name: "Load example portfolio" }).click();
    await page.getByTestId("plan-card").first().waitFor();
    await page.screenshot({ path: `${out}/portfolio-${scheme}.png`, fullPage: scheme === "light" });
    await page.getByTestId("plan-name").first().click();
    await page.getByRole("heading", { level: 2, name: "Partner" }).waitFor();
    await page.screenshot({ path: `${out}/plan-${scheme}.png` });
    await page.close();
  }
  await browser.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  server.kill();
}
