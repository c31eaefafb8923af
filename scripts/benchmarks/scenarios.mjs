// What the in-browser benchmark does on each run, one function per budget, each on a fresh page
// of a browser context whose storage already holds the 1,000 plans (see browser-bench.mjs).
// Timings come from performance marks and measures the app records (src/ui/timing.rs) or, for
// slide changes, from the page's own clock around a key press.
import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedScript } from "../../tests/e2e/fixtures/seed.mjs";

/**
 * Runs in every page before the app: keeps the wasm exports Trunk's bootstrap announces (for
 * the size of the wasm memory) and the key of every localStorage write and removal.
 */
export function instrument() {
  addEventListener("TrunkApplicationStarted", (event) => {
    window.__pilotdeckWasm = event.detail.wasm;
  });
  const writes = (window.__pilotdeckWrites = []);
  const { setItem, removeItem } = Storage.prototype;
  Storage.prototype.setItem = function (key, value) {
    writes.push(`set ${key}`);
    return setItem.call(this, key, value);
  };
  Storage.prototype.removeItem = function (key) {
    writes.push(`remove ${key}`);
    return removeItem.call(this, key);
  };
}

const MB = 1024 * 1024;

/**
 * Stores `entries` before anything is timed, from a page of the app's origin that is not the
 * app (a missing file). Only that page runs the seeding script: a page that merely read
 * localStorage before the app would load the whole storage area early, outside the app's timings.
 */
export async function seedStorage(context, base, entries) {
  const page = await context.newPage();
  await page.addInitScript(seedScript, entries);
  await page.goto(`${base}/seeding.txt`);
  const stored = await page.evaluate(() => localStorage.length);
  await page.close();
  return stored;
}

/**
 * Opens the app at `url` and waits, without touching the page, until it marks
 * "pilotdeck:ready": a PerformanceObserver, set up before the app's own scripts, calls a binding.
 * Waiting by polling the page (for an element, or for the mark) ran the benchmark's own queries
 * on the page's main thread inside the time being measured: in alternated runs of the same build
 * that added 10 to 22 ms to the render. Then checks that the portfolio is drawn.
 */
async function openUntilReady(page, url) {
  let marked;
  const ready = new Promise((resolve) => (marked = resolve));
  await page.exposeBinding("__pilotdeckBenchReady", () => marked());
  await page.addInitScript(() => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntries().some((entry) => entry.name === "pilotdeck:ready")) {
        observer.disconnect();
        window.__pilotdeckBenchReady();
      }
    }).observe({ type: "mark" });
  });
  await page.goto(url, { waitUntil: "commit" });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${url} did not mark pilotdeck:ready within 60 s`)), 60_000);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
  await portfolioShown(page);
}

/** Waits until the portfolio is drawn and its marks are recorded. */
async function portfolioShown(page) {
  await page.getByRole("button", { name: /^Show \d+ more$/ }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() =>
    ["pilotdeck:ready", "pilotdeck:score", "pilotdeck:attention", "pilotdeck:radar"].every(
      (name) => performance.getEntriesByName(name).length > 0,
    ),
  );
}

/**
 * The first visit of the day: the portfolio opened with 1,000 stored plans. The marks, then the
 * memory once the page is ready: JS heap after a forced garbage collection, plus the wasm
 * memory (which only grows, so it is the most the load ever needed at once).
 */
export async function openPortfolio(context, base) {
  const page = await context.newPage();
  await openUntilReady(page, base);
  const marks = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const took = (name) => performance.getEntriesByName(name)[0].duration;
    return {
      start: at("pilotdeck:start"),
      mounted: at("pilotdeck:mounted"),
      loaded: at("pilotdeck:loaded"),
      ready: at("pilotdeck:ready"),
      score: took("pilotdeck:score"),
      attention: took("pilotdeck:attention"),
      radar: took("pilotdeck:radar"),
    };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasmBytes = await page.evaluate(() => window.__pilotdeckWasm?.memory?.buffer.byteLength ?? NaN);
  await cdp.detach();
  await page.close();
  return { ...marks, jsHeap: usedSize / MB, wasmMemory: wasmBytes / MB };
}

/**
 * How long the browser takes to hand a page the origin's localStorage holding `entries`: the
 * first access loads every stored key and value at once. Timed in a context of its own, on a
 * page that is not the app (a missing file), opened after the seeding page has closed.
 */
export async function firstStorageAccess(browser, base, entries) {
  const context = await browser.newContext();
  await seedStorage(context, base, entries);
  const page = await context.newPage();
  await page.goto(`${base}/first-access.txt`);
  const took = await page.evaluate(() => {
    const start = performance.now();
    localStorage.getItem("pilotdeck/v1/index");
    return performance.now() - start;
  });
  await context.close();
  return took;
}

/**
 * One edit of plan `id`'s notes: how long its save took (the `pilotdeck:save` measure around
 * the write), and every key written or removed from the edit until a second after the save.
 */
export async function saveOneEdit(context, base, id, text) {
  const page = await context.newPage();
  await page.goto(`${base}/plans/${id}`);
  await page.getByRole("button", { name: "Edit partner" }).click();
  const notes = page.getByLabel("Notes");
  await notes.waitFor();
  await page.evaluate(() => {
    window.__pilotdeckWrites.length = 0;
    performance.clearMeasures("pilotdeck:save");
  });
  await notes.fill(text);
  await page.waitForFunction(() => performance.getEntriesByName("pilotdeck:save").length > 0, null, {
    timeout: 10_000,
  });
  // A stray write after the save (an index rewrite, a view saved on a timer) would come within
  // a second: more than three of the app's 300 ms save delays.
  await page.waitForTimeout(1_000);
  const outcome = await page.evaluate(() => ({
    duration: performance.getEntriesByName("pilotdeck:save")[0].duration,
    writes: [...window.__pilotdeckWrites],
  }));
  await page.close();
  return outcome;
}

/**
 * A file of 1,000 plans chosen with the "Import plans" input while 1,000 plans are stored: the
 * `pilotdeck:import` measure (read the text, check every plan, sort each into new, the same or
 * different) once the preview is open.
 */
export async function importFile(context, base, file, count) {
  const page = await context.newPage();
  await page.goto(base);
  await portfolioShown(page);
  await page.getByLabel("Import plans").setInputFiles(file);
  const dialog = page.getByRole("dialog");
  await dialog.waitFor({ timeout: 60_000 });
  const summary = await dialog.locator(".muted").first().textContent();
  if (!summary?.startsWith(`${count} new`)) throw new Error(`unexpected import preview: ${summary}`);
  const duration = await page.evaluate(() => performance.getEntriesByName("pilotdeck:import")[0].duration);
  await page.close();
  return duration;
}

/**
 * Workshop mode on plan `id`: `presses` slide changes with → and ←, walking to the last slide
 * and back. Each is timed in the page from the keydown event to the first frame painted after
 * the deck's DOM changed (a frame callback, then a task queued from it, which runs after that
 * frame's paint). Returns every change's time.
 */
export async function changeSlides(context, base, id, presses) {
  const page = await context.newPage();
  await page.goto(`${base}/plans/${id}/workshop`);
  await page.getByTestId("slide").waitFor({ timeout: 60_000 });
  const slides = await page.evaluate(() => {
    const deck = document.querySelector(".deck");
    const times = (window.__slideTimes = []);
    let pressedAt = null;
    addEventListener(
      "keydown",
      (event) => {
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") pressedAt = event.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (pressedAt === null) return;
      const start = pressedAt;
      pressedAt = null;
      requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - start)));
    }).observe(deck, { subtree: true, childList: true, characterData: true, attributes: true });
    return Number(/Slide \d+ of (\d+)/.exec(deck.textContent)?.[1]);
  });
  if (!(slides > 1)) throw new Error("the deck's slide count was not found");
  let slide = 1;
  let forward = true;
  for (let i = 0; i < presses; i++) {
    if (slide === slides) forward = false;
    if (slide === 1) forward = true;
    await page.keyboard.press(forward ? "ArrowRight" : "ArrowLeft");
    slide += forward ? 1 : -1;
    await page.waitForFunction((n) => window.__slideTimes.length >= n, i + 1, { timeout: 10_000 });
  }
  const shown = await page.evaluate(() => Number(/Slide (\d+) of/.exec(document.querySelector(".deck").textContent)?.[1]));
  if (shown !== slide) throw new Error(`after ${presses} key presses the deck shows slide ${shown}, not ${slide}`);
  const times = await page.evaluate(() => window.__slideTimes);
  await page.close();
  return times;
}

/**
 * The first visit of the day as a user has it: in a browser profile of its own (a folder), the
 * app was opened once with the plans stored (so its files are kept by the service worker), the
 * browser was closed, and it is started again and the app opened. Unlike `openPortfolio`, the
 * browser then loads localStorage from disk and starts the service worker before it has the
 * page. Returns the marks of that second opening.
 */
export async function firstVisitOfTheDay(base, entries, launch) {
  const dir = mkdtempSync(join(tmpdir(), "pilotdeck-bench-profile-"));
  const options = { ...launch, viewport: { width: 1280, height: 800 } };
  try {
    let context = await chromium.launchPersistentContext(dir, options);
    await seedStorage(context, base, entries);
    let page = await context.newPage();
    await page.goto(base);
    await portfolioShown(page);
    // The worker has stored every file once it is active.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.close();

    context = await chromium.launchPersistentContext(dir, options);
    page = context.pages()[0] ?? (await context.newPage());
    try {
      await openUntilReady(page, base);
    } catch (error) {
      // Read only now, so the timed opening is not changed: whether the browser kept every
      // stored plan across its restart, and what the app showed instead of the portfolio.
      const seen = await page
        .evaluate(() => ({ keys: localStorage.length, heading: document.querySelector("h1, h2")?.textContent }))
        .catch(() => ({}));
      throw new Error(
        `the first visit of the day did not show the portfolio (${seen.keys} of ${entries.length} stored keys ` +
          `after the browser's restart; the page's heading: ${JSON.stringify(seen.heading)})`,
        { cause: error },
      );
    }
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return {
        start: at("pilotdeck:start"),
        mounted: at("pilotdeck:mounted"),
        loaded: at("pilotdeck:loaded"),
        ready: at("pilotdeck:ready"),
        fromWorker: navigator.serviceWorker.controller !== null,
      };
    });
    await context.close();
    if (!marks.fromWorker) throw new Error("the second opening was not served by the service worker");
    return marks;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Live sharing on localhost: one person shares a plan through the real sync server at `server`
 * (a ws:// address), another opens its link in a browser context of their own, and the first
 * edits the objective `edits` times. Returns, for each edit, the time from the edit (the input
 * event in the first page) to the text being on the second page's screen, on the two pages'
 * shared clock (performance.timeOrigin + now).
 */
export async function liveEdits(browser, base, server, edits) {
  const maya = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const sam = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await maya.newPage();
    await page.goto(base);
    await page.getByRole("button", { name: "Load example portfolio" }).click();
    await page.getByTestId("plan-card").first().waitFor();
    await page.goto(`${base}/plans/example-telco-northwind`);
    const panel = page.getByRole("region", { name: "Work on it together" });
    await panel.getByLabel("Sync server address").fill(server);
    await panel.getByRole("button", { name: "Share live" }).click();
    await page.getByTestId("live-status").filter({ hasText: /^Synced$/ }).waitFor();
    const link = await panel.getByTestId("live-link").inputValue();
    const other = await sam.newPage();
    await other.goto(link);
    await other.getByTestId("live-status").filter({ hasText: /^Synced$/ }).waitFor();
    await page.getByRole("region", { name: "Foundation" }).getByRole("button", { name: "Edit" }).click();

    const times = [];
    for (let i = 0; i < edits; i++) {
      const marker = `Latency probe ${i} ${Date.now()}`;
      await other.evaluate((marker) => {
        const foundation = document.getElementById("foundation");
        window.__seen = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (foundation.textContent.includes(marker)) {
              observer.disconnect();
              resolve(performance.timeOrigin + performance.now());
            }
          });
          observer.observe(foundation, { subtree: true, childList: true, characterData: true });
        });
      }, marker);
      const sent = await page.evaluate((marker) => {
        const label = [...document.querySelectorAll("#foundation label")].find((l) => l.textContent.startsWith("Shared objective"));
        const field = document.getElementById(label.htmlFor);
        field.value = marker;
        const at = performance.timeOrigin + performance.now();
        field.dispatchEvent(new Event("input", { bubbles: true }));
        return at;
      }, marker);
      const seen = await other.evaluate(
        () => Promise.race([window.__seen, new Promise((_, reject) => setTimeout(() => reject(new Error("an edit did not arrive within 5 s")), 5000))]),
      );
      times.push(seen - sent);
    }
    return times;
  } finally {
    await maya.close();
    await sam.close();
  }
}
