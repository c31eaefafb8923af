// Journey: the browser's storage fills up in the middle of a session. Nothing typed is lost:
// the edits stay in the tab, a banner says so and offers an export, and saving resumes by
// itself once there is room again.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage, Importer } from "./fixtures/pages";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";

const northwind = "Northwind Mobile — Business Flex booking bundle";
const fullMessage = "Browser storage is full — your changes are kept in this tab; export now.";

async function addStep(page: Page, title: string) {
  await page.getByLabel("New step").fill(title);
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.locator("#steps")).toContainText(title);
}

async function storedSteps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem("pilotdeck/v1/plans/example-telco-northwind");
    return raw ? JSON.parse(raw).plan.steps.map((s: { title: string }) => s.title) : [];
  });
}

test.beforeEach(async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);
  await portfolio.openPlan(northwind);
  await expect(new PlanPage(page).title).toHaveText(northwind);
});

test("writes that fail from the Nth on keep every edit, say so, and resume", async ({ page }) => {
  // The first write after this succeeds; from the second on, the store is "full".
  await page.evaluate(() => {
    const proto = Storage.prototype as unknown as Record<string, unknown>;
    const original = proto.setItem as (k: string, v: string) => void;
    let calls = 0;
    proto.__originalSetItem = original;
    proto.setItem = function (this: Storage, key: string, value: string) {
      calls += 1;
      if (calls >= 2) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  await addStep(page, "First step, saved");
  await expect.poll(() => storedSteps(page)).toContain("First step, saved");
  await addStep(page, "Second step, kept in the tab");
  await addStep(page, "Third step, kept in the tab");
  const banner = page.getByTestId("save-banner");
  await expect(banner).toContainText(fullMessage);
  expect(await storedSteps(page)).not.toContain("Second step, kept in the tab");

  // The export from the banner holds everything typed, saved or not.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    banner.getByRole("button", { name: "Export all" }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  const plan = file.plans.find((p: { id: string }) => p.id === "example-telco-northwind");
  const titles = plan.steps.map((s: { title: string }) => s.title);
  expect(titles).toEqual(expect.arrayContaining(["First step, saved", "Second step, kept in the tab", "Third step, kept in the tab"]));

  // Room again: the retry saves without another keystroke, and the banner goes.
  await page.evaluate(() => {
    const proto = Storage.prototype as unknown as Record<string, unknown>;
    proto.setItem = proto.__originalSetItem;
  });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  expect(await storedSteps(page)).toEqual(expect.arrayContaining(["Second step, kept in the tab", "Third step, kept in the tab"]));
  await page.reload();
  await expect(page.locator("#steps")).toContainText("Third step, kept in the tab");
});

test("a store really filled to its quota keeps the edit, and saves it once space is freed", async ({ page }) => {
  // Fill localStorage with other data until the browser refuses more.
  const filled = await page.evaluate(() => {
    let chunk = "x".repeat(1024 * 1024);
    let keys = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler/${keys}`, chunk);
        keys += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return keys;
  });
  expect(filled).toBeGreaterThan(0);

  await addStep(page, "Added while the store is full");
  const banner = page.getByTestId("save-banner");
  await expect(banner).toContainText(fullMessage);
  await expect(page.locator("#steps")).toContainText("Added while the store is full");
  expect(await storedSteps(page)).not.toContain("Added while the store is full");

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler/")) localStorage.removeItem(key);
  });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  expect(await storedSteps(page)).toContain("Added while the store is full");
  await page.reload();
  await expect(page.locator("#steps")).toContainText("Added while the store is full");
});

test("an import storage has no room for changes nothing, and says so", async ({ page }) => {
  // 1,400 plans: about a third more than a browser's 5 M characters of storage holds.
  const { exportedFile } = await import("./fixtures/seed.mjs");
  await page.goto("/");
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const importer = new Importer(page);
  await importer.choose({ name: "big-portfolio.json", mimeType: "application/json", buffer: Buffer.from(exportedFile(1400, "big"), "utf8") });
  await expect(importer.confirm).toBeVisible();
  await importer.confirm.click();
  await expect(page.getByRole("status")).toContainText(
    "Not imported: there is not enough room left in this browser's storage for these plans. Nothing stored was changed.",
  );
  await expect(page.getByTestId("plan-card")).toHaveCount(9);
  await expect(page.getByText(fullMessage)).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), "storage as it was").toBe(before);

  // Nothing waits to be written: a reload shows the same nine plans.
  await page.reload();
  await expect(page.getByTestId("plan-card")).toHaveCount(9);
});
