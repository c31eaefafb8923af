// In-browser timings of the release build (dist/) in the system's Chromium: with 1,000 plans
// stored, how long until the portfolio is on screen with every score computed (the first page
// of cards drawn, the rest a "Show more" away).
// Prints the median of 5 fresh page loads. Usage: node scripts/browser-bench.mjs
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { seedScript, storedPlans } from "../tests/e2e/fixtures/seed.mjs";

const port = 4197;
const base = `http://127.0.0.1:${port}`;
const runs = 5;
const count = 1000;

// A thousand stored plans, as the app stores them.
const { entries: storage } = storedPlans(count, "bench");

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(port)], { stdio: "ignore" });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const ready = [];
  const rendered = [];
  const loading = [];
  const drawing = [];
  const scoring = [];
  const attention = [];
  const radar = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(seedScript, storage);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole("button", { name: /^Show \d+ more$/ }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() =>
      ["pilotdeck:ready", "pilotdeck:score", "pilotdeck:attention", "pilotdeck:radar"].every(
        (name) => performance.getEntriesByName(name).length > 0,
      ),
    );
    const marks = await page.evaluate(() => ({
      start: performance.getEntriesByName("pilotdeck:start")[0].startTime,
      loaded: performance.getEntriesByName("pilotdeck:loaded")[0].startTime,
      score: performance.getEntriesByName("pilotdeck:score")[0].duration,
      attention: performance.getEntriesByName("pilotdeck:attention")[0].duration,
      radar: performance.getEntriesByName("pilotdeck:radar")[0].duration,
      ready: performance.getEntriesByName("pilotdeck:ready")[0].startTime,
    }));
    ready.push(marks.ready);
    rendered.push(marks.ready - marks.start);
    loading.push(marks.loaded - marks.start);
    drawing.push(marks.ready - marks.loaded);
    scoring.push(marks.score);
    attention.push(marks.attention);
    radar.push(marks.radar);
    await context.close();
  }
  await browser.close();
  const line = (what, values) =>
    console.log(`${what.padEnd(58)} ${median(values).toFixed(1).padStart(9)} ms  (runs: ${values.map((v) => v.toFixed(0)).join(", ")})`);
  line(`app ready with ${count} stored plans (from navigation)`, ready);
  line(`load, score and render ${count} plans (from wasm start)`, rendered);
  line(`  read and check ${count} stored plans`, loading);
  line(`  score and render the portfolio`, drawing);
  line(`    of which: score ${count} plans with their 12-week histories`, scoring);
  line(`    of which: gather every plan's alerts`, attention);
  line(`    of which: place the running plans on the radar`, radar);
} finally {
  server.kill();
}
