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
  await expect(portfolio.cards).toHaveCount(24);
  await expect(page.getByText("126 not shown yet")).toBeVisible();
  await checkAccessibility();

  await page.getByRole("button", { name: "Show 48 more" }).click();
  await expect(portfolio.cards).toHaveCount(72);
  await page.getByRole("button", { name: "Show 48 more" }).click();
  await expect(portfolio.cards).toHaveCount(120);
  await page.getByRole("button", { name: "Show 30 more" }).click();
  await expect(portfolio.cards).toHaveCount(count);
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
  const shownIds = await portfolio.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute("data-plan-id")));
  expect(shownIds).toEqual(ids);
});

test("a crowded radar draws plain dots, and its table reaches every pilot by keyboard", async ({ page, checkAccessibility }) => {
  const { entries } = storedPlans(count, "many");
  await page.addInitScript(seedScript, entries);
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  const dots = page.getByTestId("radar-dot");
  const caption = page.locator(".radar figcaption");
  await expect(caption).toContainText("Open the table below to reach each one.");
  const running = Number((await caption.textContent())!.match(/^(\d+) running pilots/)![1]);
  expect(running, "more pilots than the radar labels").toBeGreaterThan(40);
  await expect(dots).toHaveCount(running);
  // One dot per pilot, none a tab stop of its own; pointing at a dot names it in a tooltip,
  // which goes when the pointer leaves the radar.
  await expect(page.locator(".radar [tabindex]")).toHaveCount(0);
  const tip = page.locator(".radar-tip");
  await expect(tip).toHaveCount(0);
  await dots.last().hover();
  // The name, in at most two lines, then the figures.
  const tipName = async () => (await tip.locator("tspan").allTextContents()).slice(0, -1).join(" ");
  expect(await tipName()).toMatch(/^.+ #\d+$/);
  await expect(tip.locator("tspan").last()).toHaveText(/^Day \d+ · momentum \d+ · (Moving|Drifting|Ghost-town risk|Unknown)$/);
  const tipBox = (await tip.boundingBox())!;
  const dotBox = (await dots.last().boundingBox())!;
  expect(tipBox.y + tipBox.height, "the tooltip sits above its dot").toBeLessThanOrEqual(dotBox.y + dotBox.height / 2);
  await page.getByRole("heading", { name: "Ghost-town radar" }).hover();
  await expect(tip).toHaveCount(0);

  // The table lists every pilot with a link to its plan.
  await page.getByText("The radar as a table").click();
  const links = page.locator(".radar-table tbody th a");
  await expect(links).toHaveCount(running);
  await checkAccessibility();
  const first = links.first();
  const name = await first.textContent();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/plans\/many-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);

  // A click on a dot opens the plan its tooltip names (the last one drawn lies on top of its
  // neighbours).
  await page.goBack();
  const last = dots.last();
  await last.hover();
  const named = await tipName();
  await last.click();
  await expect(page).toHaveURL(/\/plans\/many-\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(named);
});
