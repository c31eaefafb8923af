// Journey: someone tries Pilotdeck with the example portfolio, starts a pilot of their own, and
// keeps the examples apart: marked on their cards, left out of a backup when they say so, and
// removed in one action (and brought back with Undo).
import { test, expect } from "./fixtures/test";
import { PortfolioPage, downloadOf } from "./fixtures/pages";
import { readFileSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as { plans: { id: string; name: string }[] };
const examples = example.plans.length;

test("example plans are marked, left out of Export all when asked, and removed in one action", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await expect(portfolio.cards.getByTestId("example-tag")).toHaveCount(examples);
  await expect(portfolio.cards.first().getByTestId("example-tag")).toHaveText("Example");

  // A plan of one's own: the wizard's draft.
  await page.goto("/new");
  await page.getByLabel("Partner name").fill("Orbit Payments");
  await portfolio.waitForStored("Orbit Payments");
  await portfolio.open();
  const own = portfolio.card("Orbit Payments pilot");
  await expect(own).toHaveCount(1);
  await expect(own.getByTestId("example-tag")).toHaveCount(0);

  // Export all asks, with the keyboard on the answer that keeps the examples out.
  await page.getByRole("button", { name: "Export all" }).click();
  const question = page.getByRole("group", { name: `Include the ${examples} example plans in the file?` });
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: "Export without examples" })).toBeFocused();
  await checkAccessibility();
  const without = await downloadOf(page, () => question.getByRole("button", { name: "Export without examples" }).click());
  const ownOnly = JSON.parse(without.text) as { plans: { name: string; example?: boolean }[] };
  expect(ownOnly.plans.map((p) => p.name)).toEqual(["Orbit Payments pilot"]);
  await expect(question).toHaveCount(0);

  await page.getByRole("button", { name: "Export all" }).click();
  const everything = await downloadOf(page, () => question.getByRole("button", { name: "Export with examples" }).click());
  const all = JSON.parse(everything.text) as { plans: { example?: boolean }[] };
  expect(all.plans).toHaveLength(examples + 1);
  expect(all.plans.filter((p) => p.example)).toHaveLength(examples);

  // Esc takes the question back (pressed once it is asked, with the keyboard on its answer).
  await page.getByRole("button", { name: "Export all" }).click();
  await expect(question.getByRole("button", { name: "Export without examples" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);

  // Removed in one action, then back where they were.
  const before = await portfolio.summary();
  await page.getByRole("button", { name: "Remove examples" }).click();
  await expect(portfolio.notice).toHaveText(`The ${examples} example plans were moved to the trash.`);
  await expect(portfolio.cards).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Remove examples" })).toHaveCount(0);
  await portfolio.waitForSaved(1);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(portfolio.notice).toHaveText(`The ${examples} example plans are back.`);
  expect(await portfolio.summary()).toEqual(before);
  await portfolio.waitForSaved(examples + 1);

  // Removed again, they wait in the trash like any deleted plan.
  await page.getByRole("button", { name: "Remove examples" }).click();
  await portfolio.waitForSaved(1);
  await page.reload();
  await expect(portfolio.cards).toHaveCount(1);
  await page.goto("/settings");
  await expect(page.getByTestId("trash").locator(":scope > li")).toHaveCount(examples);
});
