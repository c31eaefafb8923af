// Takes the README's screenshots from the release build (dist/) in the system's Chromium:
// the empty portfolio, the example portfolio and one plan, in light and dark; the wizard; and
// workshop mode's deck and presenter view; and a plan shared live between two people, with the
// sync server (scripts/sync-server) started on a free port and a temporary folder.
// Usage: node scripts/screenshots.mjs [out dir] (serves dist/ itself on a free port; dist/ must
// be built for ws://127.0.0.1:*, as scripts/test builds it)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  await sharedPlan(browser);
  await browser.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  server.kill();
}

/** A port nothing listens on. */
async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Maya shares the Northwind plan live, Sam joins it; both have it open, then both run its
 * workshop, Sam following Maya's slides. */
async function sharedPlan(browser) {
  const syncPort = await freePort();
  const data = mkdtempSync(join(tmpdir(), "pilotdeck-shots-"));
  const sync = spawn("scripts/sync-server", ["--port", String(syncPort), "--data", data], { stdio: "ignore" });
  try {
    for (let i = 0; ; i++) {
      const open = await new Promise((resolve) => {
        const socket = connect(syncPort, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve(true)));
        socket.once("error", () => resolve(false));
      });
      if (open) break;
      if (i > 600) throw new Error("the sync server did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const person = async (name, width, height) => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${base}/settings`);
      await page.getByLabel("Display name").fill(name);
      return page;
    };
    const maya = await person("Maya Okafor", 1280, 900);
    await maya.goto(base);
    await maya.getByRole("button", { name: "Load example portfolio" }).click();
    await maya.getByTestId("plan-card").first().waitFor();
    await maya.goto(`${base}/plans/example-telco-northwind`);
    const panel = maya.getByRole("region", { name: "Work on it together" });
    await panel.getByLabel("Sync server address").fill(`ws://127.0.0.1:${syncPort}`);
    await panel.getByRole("button", { name: "Share live" }).click();
    await maya.getByTestId("live-status").filter({ hasText: "Synced" }).waitFor();
    const link = await panel.getByTestId("live-link").inputValue();
    const sam = await person("Sam Reyes", 1280, 900);
    await sam.goto(link);
    await sam.getByTestId("live-status").filter({ hasText: "Synced" }).waitFor();
    await maya.getByTestId("presence").filter({ hasText: "Sam Reyes" }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await maya.screenshot({ path: `${out}/shared-plan.png` });
    await sam.getByTestId("live-strip").filter({ hasText: "Maya Okafor" }).waitFor();
    await sam.screenshot({ path: `${out}/shared-plan-joined.png` });
    // The workshop: Maya leads at 1920×1080, Sam follows on his laptop.
    await maya.setViewportSize({ width: 1920, height: 1080 });
    await maya.getByRole("button", { name: "Workshop mode" }).click();
    await maya.keyboard.press("ArrowRight");
    await sam.getByRole("button", { name: "Workshop mode" }).click();
    await sam.getByLabel(/Follow the facilitator/).waitFor();
    await maya.keyboard.press("ArrowRight");
    await sam.getByRole("heading", { level: 1, name: "Timing" }).waitFor();
    await sam.screenshot({ path: `${out}/workshop-follow.png` });
    await maya.context().close();
    await sam.context().close();
  } finally {
    sync.kill();
    rmSync(data, { recursive: true, force: true });
  }
}
