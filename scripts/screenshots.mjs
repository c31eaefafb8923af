// Takes the README's screenshots from the release build (dist/) in the system's Chromium:
// the empty portfolio, the example portfolio and one plan, in light and dark; the wizard; and
// workshop mode's deck and presenter view.
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
  // The wizard's third step, with a telco partner's suggestions.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/new`);
  await page.getByLabel("Partner name").fill("Northwind Mobile");
  await page.getByLabel("Kind of partnership").selectOption("Telco");
  await page.getByLabel("Our owner", { exact: true }).fill("Maya Okafor");
  await page.getByLabel("Their champion").fill("Hannah Mercer");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByLabel("What's top-of-mind for their leadership this quarter?").fill("Cut early churn on SMB lines below 6%");
  await page.getByLabel("How does this partnership fit into that picture?").fill("Salons that take bookings daily have a reason to stay");
  await page.getByRole("group", { name: /^Fit/ }).getByRole("radio", { name: "5" }).check();
  await page.getByRole("group", { name: /^Readiness/ }).getByRole("radio", { name: "4" }).check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Fastest joint win" }).waitFor();
  await page.screenshot({ path: `${out}/wizard.png` });
  await page.close();
  // Workshop mode on a shared screen: the Foundation slide in the projector theme, and the
  // presenter view beside it.
  const deck = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await deck.goto(base);
  await deck.getByRole("button", { name: "Load example portfolio" }).click();
  await deck.getByTestId("plan-card").first().waitFor();
  await deck.goto(`${base}/plans/example-telco-northwind/workshop?slide=2`);
  await deck.getByRole("heading", { level: 1, name: "Foundation" }).waitFor();
  await deck.screenshot({ path: `${out}/workshop-foundation.png` });
  const [presenter] = await Promise.all([
    deck.waitForEvent("popup"),
    deck.getByRole("button", { name: "Open presenter view" }).click(),
  ]);
  await presenter.setViewportSize({ width: 1440, height: 900 });
  await presenter.getByTestId("presenter-notes").waitFor();
  await presenter.screenshot({ path: `${out}/workshop-presenter.png` });
  await deck.close();
  await browser.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  server.kill();
}
