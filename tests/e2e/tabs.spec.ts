// Journey: a partner manager has Pilotdeck open in two tabs (the portfolio in one, a plan in the
// other, or the same plan twice). What one tab saves shows in the other within a second; a tab
// never silently writes over a newer save of the same plan; edits to different plans both stay.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import type { BrowserContext, Page } from "@playwright/test";

const northwind = "Northwind Mobile — Business Flex booking bundle";
const ledgerline = "Ledgerline — paid bookings to reconciled invoices";

/** A second tab in the same browser, failing the test on errors like the first. */
async function secondTab(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`second tab: ${error.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`second tab: ${m.text()}`);
  });
  return page;
}

async function rename(page: Page, name: string) {
  const field = page.getByLabel("Pilot name");
  if (!(await field.isVisible())) await page.getByRole("button", { name: "Edit partner" }).click();
  await field.fill(name);
}

/** The stored name of the plan whose name was `before`, read straight from localStorage. */
async function storedName(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate((id) => {
    const raw = localStorage.getItem(`pilotdeck/v1/plans/${id}`);
    return raw ? JSON.parse(raw).plan.name : undefined;
  }, id);
}

test.beforeEach(async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);
});

test("a change saved in one tab shows in the other within a second", async ({ page, context }) => {
  const problems: string[] = [];
  const other = await secondTab(context, problems);
  const otherPortfolio = new PortfolioPage(other);
  await otherPortfolio.open();
  await expect(otherPortfolio.card(northwind)).toBeVisible();

  await new PortfolioPage(page).openPlan(northwind);
  await rename(page, "Northwind — renamed in the first tab");
  await expect.poll(() => storedName(page, "example-telco-northwind")).toBe("Northwind — renamed in the first tab");
  const saved = Date.now();
  await expect(otherPortfolio.card("Northwind — renamed in the first tab")).toBeVisible({ timeout: 1000 });
  expect(Date.now() - saved).toBeLessThan(1000);

  // A plan deleted in one tab leaves the other, and waits in its trash.
  await page.getByRole("button", { name: "Delete plan" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(otherPortfolio.cards).toHaveCount(8, { timeout: 1000 });
  await other.goto("/settings");
  await expect(other.getByTestId("trash")).toContainText("Northwind — renamed in the first tab");
  expect(problems).toEqual([]);
});

/** Makes every localStorage write in `page` fail as a full store does, or work again. */
async function refuseWrites(page: Page, refuse: boolean) {
  await page.evaluate((refuse) => {
    const proto = Storage.prototype as unknown as { setItem: unknown; __setItem?: unknown };
    proto.__setItem ??= proto.setItem;
    proto.setItem = refuse
      ? () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
      : proto.__setItem;
  }, refuse);
}

test("a newer save of the same plan asks: take the newer version, or keep mine as a copy", async ({ page, context }) => {
  const problems: string[] = [];
  await page.goto("/plans/example-telco-northwind");
  const other = await secondTab(context, problems);
  await other.goto("/plans/example-telco-northwind");
  await expect(new PlanPage(page).title).toHaveText(northwind);
  await expect(new PlanPage(other).title).toHaveText(northwind);

  // The first tab's edit cannot be saved yet, so it is still unsaved when the other tab saves.
  await refuseWrites(page, true);
  await rename(page, "Northwind — the first tab's name");
  await expect(page.getByTestId("save-banner")).toBeVisible();
  await rename(other, "Northwind — the second tab's name");
  await expect.poll(() => storedName(other, "example-telco-northwind")).toBe("Northwind — the second tab's name");
  const banner = page.getByTestId("conflict-banner");
  await expect(banner).toContainText("was changed in another tab");
  await refuseWrites(page, false);
  // However often the first tab tries to save now, the newer save is not written over.
  await page.getByLabel("Pilot name").press("End");
  await page.getByLabel("Pilot name").pressSequentially("!");
  await page.getByLabel("Pilot name").press("Backspace");
  await expect(page.getByTestId("save-banner")).toHaveCount(0);
  expect(await storedName(page, "example-telco-northwind")).toBe("Northwind — the second tab's name");

  await banner.getByRole("button", { name: "Keep mine as a copy" }).click();
  await expect(banner).toHaveCount(0);
  await expect(new PlanPage(page).title).toHaveText("Northwind — the second tab's name");
  await expect(page.getByRole("status")).toContainText("Northwind — the first tab's name (my copy)");
  // Both versions are kept, and the other tab sees the copy arrive.
  await other.goto("/");
  const second = new PortfolioPage(other);
  await expect(second.card("Northwind — the second tab's name")).toBeVisible();
  await expect(second.card("Northwind — the first tab's name (my copy)")).toBeVisible();
  await second.waitForSaved(10);

  // Again, and this time the first tab takes the newer version: its own edit is dropped.
  await second.openPlan("Northwind — the second tab's name");
  await refuseWrites(page, true);
  await rename(page, "Northwind — dropped");
  await rename(other, "Northwind — the newest name");
  await page.getByTestId("conflict-banner").getByRole("button", { name: "Take the newer version" }).click();
  await refuseWrites(page, false);
  await expect(new PlanPage(page).title).toHaveText("Northwind — the newest name");
  await expect(page.getByTestId("conflict-banner")).toHaveCount(0);
  await page.reload();
  await expect(new PlanPage(page).title).toHaveText("Northwind — the newest name");
  expect(await storedName(page, "example-telco-northwind")).toBe("Northwind — the newest name");
  expect(problems).toEqual([]);
});

test("edits to different plans in two tabs both survive", async ({ page, context }) => {
  const problems: string[] = [];
  const other = await secondTab(context, problems);
  await other.goto("/plans/example-isv-ledgerline");
  await expect(new PlanPage(other).title).toHaveText(ledgerline);
  await page.goto("/plans/example-telco-northwind");

  await rename(page, "Northwind — edited in tab one");
  await rename(other, "Ledgerline — edited in tab two");
  await expect.poll(() => storedName(page, "example-telco-northwind")).toBe("Northwind — edited in tab one");
  await expect.poll(() => storedName(page, "example-isv-ledgerline")).toBe("Ledgerline — edited in tab two");

  await page.reload();
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(portfolio.card("Northwind — edited in tab one")).toBeVisible();
  await expect(portfolio.card("Ledgerline — edited in tab two")).toBeVisible();
  await expect(portfolio.cards).toHaveCount(9);
  expect(problems).toEqual([]);
});
