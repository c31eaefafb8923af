// Journey: a workshop in a meeting room with bad Wi-Fi. After one visit Pilotdeck opens and
// works with no network, plans intact; when a new version is deployed it says so and waits for
// the user to reload instead of switching under them.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import type { Page } from "@playwright/test";

const northwind = "Northwind Mobile — Business Flex booking bundle";

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test("after one visit the app opens and works offline, with the plans intact", async ({ page, context }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await controlled(page);
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);

  await context.setOffline(true);
  await page.reload();
  await expect(portfolio.heading).toBeVisible();
  await expect(portfolio.cards).toHaveCount(9);
  // A deep link, loaded with no network, and an edit saved while offline.
  await page.goto("/plans/example-telco-northwind");
  await expect(new PlanPage(page).title).toHaveText(northwind);
  await page.getByLabel("New step").fill("Agreed offline in the meeting room");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.reload();
  await expect(page.locator("#steps")).toContainText("Agreed offline in the meeting room");
  await context.setOffline(false);
});

test("a new version says it is ready and waits for a reload", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await controlled(page);
  await expect(page.getByTestId("update-banner")).toHaveCount(0);

  await page.request.get("/__test/deploy-next-build");
  await page.reload();
  const banner = page.getByTestId("update-banner");
  await expect(banner).toContainText("A new version is ready — reload");
  // Until the user chooses, the page stays on the version it opened with.
  await expect(portfolio.heading).toBeVisible();
  await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
  await banner.getByRole("button", { name: "Reload" }).click();
  await expect(banner).toHaveCount(0);
  await expect(portfolio.heading).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null)))
    .toBeNull();
  // The page was reloaded into the new version, not switched under the user before.
  await expect.poll(() => page.evaluate(() => "beforeReload" in window)).toBe(false);
});
