// Journey: a head of partnerships with hundreds of plans opens the portfolio: it opens quickly
// with the first page of cards, and the rest are a click away.
import { test, expect } from "./fixtures/test";
import { PortfolioPage } from "./fixtures/pages";
import { readFileSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8"));
const count = 150;

test("a long portfolio shows a page of cards at a time", async ({ page, checkAccessibility }) => {
  const stored: Record<string, string> = {};
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const plan = structuredClone(example.plans[i % example.plans.length]);
    plan.id = `many-${i}`;
    plan.name = `${plan.name} #${i}`;
    ids.push(plan.id);
    stored[`pilotdeck/v1/plans/${plan.id}`] = JSON.stringify({ schema_version: 1, plan });
  }
  stored["pilotdeck/v1/index"] = JSON.stringify({ schema_version: 1, plan_ids: ids });
  await page.addInitScript((entries) => {
    if (!localStorage.getItem("pilotdeck/v1/index")) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }
  }, stored);

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
