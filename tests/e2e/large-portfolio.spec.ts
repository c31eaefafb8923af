// Journey: a head of partnerships with hundreds of plans opens the portfolio: it opens quickly
// with the first page of cards, and the rest are a click away.
import { test, expect } from "./fixtures/test";
import { PortfolioPage } from "./fixtures/pages";
import { seedScript, storedPlans } from "./fixtures/seed.mjs";

const count = 150;

test("a long portfolio shows a page of cards at a time", async ({ page, checkAccessibility }) => {
  const { entries, ids } = storedPlans(count, "many");
  await page.addInitScript(seedScript, entries);

  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(page.getByText(`${count} plans`)).toBeVisible();
  await expect(portfolio.cards).toHaveCount(60);
  await expect(page.getByText("90 not shown yet")).toBeVisible();
  await checkAccessibility();

  await page.getByRole("button", { name: "Show 60 more" }).click();
  await expect(portfolio.cards).toHaveCount(120);
  await page.getByRole("button", { name: "Show 30 more" }).click();
  await expect(portfolio.cards).toHaveCount(count);
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
  const shownIds = await portfolio.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute("data-plan-id")));
  expect(shownIds).toEqual(ids);
});
