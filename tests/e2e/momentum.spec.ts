// Journey: a head of partnerships reads momentum on the portfolio, opens a plan to see why, and
// brings a quiet pilot back by logging a sync.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import { readFileSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as {
  plans: { id: string; name: string; stage: string }[];
};
const running = example.plans.filter((p) => ["live", "reviewing", "scaling"].includes(p.stage));
const notLive = example.plans.filter((p) => ["exploring", "designing", "parked"].includes(p.stage));
const bands = ["Moving", "Drifting", "Ghost-town risk", "Unknown"];

test.beforeEach(async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
});

test("every scored card shows a number and band that match its plan page", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  const plan = new PlanPage(page);
  expect(running.length).toBeGreaterThan(2);
  for (const p of running) {
    const card = portfolio.card(p.name);
    const score = (await card.getByTestId("momentum-score").textContent())!.trim();
    const band = (await card.getByTestId("momentum-band").textContent())!.trim();
    expect(score).toMatch(/^(\d{1,3}|Unknown)$/);
    expect(bands).toContain(band);
    if (band === "Moving") expect(Number(score)).toBeGreaterThanOrEqual(70);
    await expect(card.getByTestId("trend")).toBeVisible();

    await card.getByTestId("plan-name").click();
    await expect(plan.title).toHaveText(p.name);
    await expect(page.getByTestId("momentum-score")).toHaveText(score);
    await expect(page.getByTestId("momentum-band")).toHaveText(band);
    await expect(page.getByRole("heading", { name: "Where the points come from" })).toBeVisible();
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    await page.goBack();
    await expect(portfolio.heading).toBeVisible();
  }
  // The example spans the bands, so a reader sees what each looks like.
  const shown = await portfolio.cards.getByTestId("momentum-band").allTextContents();
  expect(new Set(shown)).toEqual(new Set(["Moving", "Drifting", "Ghost-town risk"]));

  await portfolio.openPlan(running[0].name);
  await checkAccessibility();
});

test("plans not yet live show readiness on the card and the checklist on the page", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  for (const p of notLive) {
    const card = portfolio.card(p.name);
    const readiness = (await card.getByTestId("readiness-score").textContent())!.trim();
    expect(readiness).toMatch(/^\d{1,3}%$/);
    await card.getByTestId("plan-name").click();
    await expect(page.getByTestId("readiness-score")).toHaveText(readiness);
    const items = page.locator(".checklist li");
    await expect(items).toHaveCount(10);
    const done = await page.locator(".checklist li.check-done").count();
    expect(`${done * 10}%`).toBe(readiness);
    await page.goBack();
  }

  // A checklist item that is not done links to the wizard step where it is fixed.
  const draft = notLive.find((p) => p.id.includes("marlow"))!;
  await portfolio.openPlan(draft.name);
  await checkAccessibility();
  const fix = page.getByRole("link", { name: "Fix in Foundation" }).first();
  await fix.click();
  await expect(page).toHaveURL(new RegExp(`/new\\?draft=${draft.id}&step=4$`));
  await expect(page.getByRole("heading", { level: 1, name: "Foundation" })).toBeVisible();
});

test("logging a sync on a quiet plan raises its score on the page and on the portfolio", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  const quiet = running.find((p) => p.id.includes("brightpath"))!;
  const card = portfolio.card(quiet.name);
  const before = Number(await card.getByTestId("momentum-score").textContent());

  await card.getByTestId("plan-name").click();
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before));
  const promised = page.locator(".what-ifs li", { hasText: "Log today's sync" }).locator(".gain");
  const gain = Number((await promised.textContent())!.replace("+", ""));
  expect(gain).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Log sync" }).click();
  await expect(page.getByRole("status")).toContainText("Sync logged for today, ");
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeVisible();
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before + gain));
  await expect(page.locator("#history")).toContainText("Sync");

  // The change is saved and shows on the portfolio after a reload.
  await page.reload();
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before + gain));
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(portfolio.card(quiet.name).getByTestId("momentum-score")).toHaveText(String(before + gain));
});

test("a band set by hand shows with its reason while the computed band stays visible", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  const moving = running.find((p) => p.id.includes("northwind"))!;
  await portfolio.openPlan(moving.name);
  await expect(page.getByTestId("momentum-band")).toHaveText("Moving");

  await page.getByText("Set the band by hand").click();
  await page.getByRole("button", { name: "Set band" }).click();
  await expect(page.getByRole("alert")).toContainText("needs a reason");
  await page.getByLabel("Band").selectOption("Drifting");
  await page.getByLabel("Reason").fill("Their VP of SMB just resigned");
  await page.getByRole("button", { name: "Set band" }).click();

  await expect(page.getByTestId("momentum-band")).toHaveText("Drifting");
  await expect(page.locator(".override-note")).toContainText("Their VP of SMB just resigned");
  await expect(page.locator(".override-note")).toContainText("Computed: Moving");
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(portfolio.card(moving.name).getByTestId("momentum-band")).toHaveText("Drifting");
  await expect(portfolio.card(moving.name).getByTestId("band-reason")).toHaveText("set by hand");

  // The next sync ends it.
  await portfolio.openPlan(moving.name);
  await page.getByRole("button", { name: "Log sync" }).click();
  await expect(page.getByTestId("momentum-band")).toHaveText("Moving");
});

test("a card says why its band is not its number's, and until when a parked plan waits", async ({ browser }) => {
  // Early in a quarter, a plan whose timing was confirmed last quarter is held at Drifting.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(2027, 0, 10, 10));
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  const northwind = portfolio.card(running.find((p) => p.id.includes("northwind"))!.name);
  await expect(northwind.getByTestId("momentum-band")).toHaveText("Drifting");
  expect(Number(await northwind.getByTestId("momentum-score").textContent())).toBeGreaterThanOrEqual(70);
  await expect(northwind.getByTestId("band-reason")).toHaveText("held: timing not re-confirmed for Q1 2027");

  const parked = example.plans.find((p) => p.stage === "parked")!;
  await expect(portfolio.card(parked.name).getByTestId("parked-until")).toHaveText(/^Parked until \d{1,2} \w{3} \d{4}$/);

  // The radar's table says it too.
  await page.getByText("The radar as a table").click();
  await expect(page.locator(".radar-table tr", { hasText: "Northwind" })).toContainText("held: timing not re-confirmed for Q1 2027");
  await context.close();
});
