// Journey: an organisation puts Pilotdeck on its own site under a sub-path
// (https://example.org/pilotdeck/, built with `trunk build --release --public-url /pilotdeck/`).
// Everything works from there as it does from the root: routes and deep links, workshop mode,
// the files the app links to, installing, offline use, and it never asks for anything outside
// its own folder. The server (tests/e2e/serve.mjs with a base path) answers "Not found" outside
// /pilotdeck/, so a file the app looked for at the root fails the journey.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import type { Page } from "@playwright/test";

const northwind = { id: "example-telco-northwind", name: "Northwind Mobile — Business Flex booking bundle" };

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test("served from /pilotdeck/, every route, file and the offline copy stay under it", async ({ page, context, baseURL, checkAccessibility }, testInfo) => {
  const base = baseURL ?? "";
  expect(base, "the sub-path project serves the app from /pilotdeck/").toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pilotdeck\/$/);
  // Every request from the page, its popups and the service worker.
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));

  // First visit: the portfolio, at the sub-path itself.
  const portfolio = new PortfolioPage(page);
  await page.goto("./");
  await expect(portfolio.heading).toBeVisible();
  await expect(page).toHaveURL(base);
  await expect(portfolio.startPilot).toBeVisible();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);

  // A plan, by its link, then by its address after a reload.
  const plan = new PlanPage(page);
  await portfolio.openPlan(northwind.name);
  await expect(plan.title).toHaveText(northwind.name);
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await page.reload();
  await expect(plan.title).toHaveText(northwind.name);
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await checkAccessibility();
  await page.screenshot({ path: testInfo.outputPath("plan-under-sub-path.png") });

  // Workshop mode and back, by its own button and by the browser's.
  await page.getByRole("button", { name: "Workshop mode" }).click();
  await expect(page.getByTestId("slide").getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await expect(page).toHaveURL(`${base}plans/${northwind.id}/workshop`);
  await page.getByRole("button", { name: "Leave workshop" }).click();
  await expect(plan.title).toHaveText(northwind.name);
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await page.goBack();
  await expect(page).toHaveURL(`${base}plans/${northwind.id}/workshop`);
  await expect(page.getByTestId("slide").getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await page.goBack();
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await expect(plan.title).toHaveText(northwind.name);

  // The first Tab reaches "Skip to content", which stays on this plan: a bare #main would resolve
  // against <base href> and load the portfolio.
  await page.reload();
  await expect(plan.title).toHaveText(northwind.name);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await expect(plan.title).toHaveText(northwind.name);

  // Settings links the JSON Schema inside the sub-path, and the file is there.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`${base}settings`);
  const schema = page.getByRole("link", { name: "JSON Schema" });
  const schemaUrl = await schema.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(schemaUrl).toBe(`${base}schema/pilotdeck-file-v2.schema.json`);
  const schemaTitle = await page.evaluate((url) => fetch(url).then((r) => r.json()).then((s) => s.title), schemaUrl);
  expect(schemaTitle).toBe("Pilotdeck file, version 2");

  // Installing: the manifest, its start page, scope and icons are under the sub-path.
  const manifest = await page.evaluate(async () => {
    const href = (document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href;
    const response = await fetch(href);
    const json = await response.json();
    const resolve = (url: string) => new URL(url, href).href;
    return {
      href,
      type: response.headers.get("content-type"),
      startUrl: resolve(json.start_url),
      scope: resolve(json.scope),
      icons: (json.icons as { src: string }[]).map((icon) => resolve(icon.src)),
    };
  });
  expect(manifest.href).toBe(`${base}manifest.webmanifest`);
  expect(manifest.type).toContain("application/manifest+json");
  expect(manifest.startUrl).toBe(base);
  expect(manifest.scope).toBe(base);
  for (const icon of manifest.icons) expect(icon.startsWith(base), `${icon} is under ${base}`).toBe(true);
  // Each icon is a PNG of the size it declares. The plain ones are the rounded square; the
  // maskable one fills the whole square, since the launcher cuts its own shape from it.
  const icons = await page.evaluate(async () => {
    const href = (document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href;
    const json = await (await fetch(href)).json();
    return Promise.all(
      (json.icons as { src: string; sizes: string; purpose?: string }[]).map(async (icon) => {
        const image = new Image();
        image.src = new URL(icon.src, href).href;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        return {
          sizes: icon.sizes,
          purpose: icon.purpose ?? "any",
          drawn: `${image.naturalWidth}x${image.naturalHeight}`,
          cornerAlpha: context.getImageData(0, 0, 1, 1).data[3],
        };
      }),
    );
  });
  expect(icons.map((i) => i.purpose).sort()).toEqual(["any", "any", "maskable"]);
  for (const icon of icons) {
    expect(icon.drawn).toBe(icon.sizes);
    expect(icon.cornerAlpha, `${icon.purpose} icon's corner`).toBe(icon.purpose === "maskable" ? 255 : 0);
  }

  // The service worker comes from the sub-path and governs exactly it.
  await controlled(page);
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active?.scriptURL };
  });
  expect(worker).toEqual({ scope: base, script: `${base}sw.js` });

  // Offline: a deep link reloads from the worker's copy, plan intact.
  await page.goto(`plans/${northwind.id}`);
  await expect(plan.title).toHaveText(northwind.name);
  await context.setOffline(true);
  await page.reload();
  await expect(plan.title).toHaveText(northwind.name);
  await expect(page).toHaveURL(`${base}plans/${northwind.id}`);
  await page.goto(`plans/${northwind.id}/workshop`);
  await expect(page.getByTestId("slide").getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await context.setOffline(false);

  // Nothing was asked for outside the sub-path: not the root, not another port, not the web.
  const outside = requests.filter((url) => !url.startsWith(base) && !url.startsWith("blob:") && !url.startsWith("data:"));
  expect(outside, `every request stays under ${base}`).toEqual([]);
  // And the watch saw the app's own files, the worker's among them.
  expect(requests).toContain(`${base}sw.js`);
  expect(requests.some((url) => url.endsWith(".wasm"))).toBe(true);

  // The folder's address without its trailing slash leads to the app too, as hosts redirect it.
  await page.goto(base.slice(0, -1));
  await expect(page).toHaveURL(base);
  await expect(portfolio.heading).toBeVisible();
});
