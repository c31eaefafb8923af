// Journey: a partner manager keeps an honest record over weeks of a running pilot, with the
// clock set by the test — steps finished early, a date moved after it passed, a sync logged by
// mistake and taken back, entries corrected, blockers with an owner that cost energy until they
// are resolved, a step done last week recorded on its day, and a share link for the partner
// that holds nothing internal.
import { test, expect, watchPage } from "./fixtures/test";
import { PortfolioPage, PlanPage, storageDump } from "./fixtures/pages";
import type { Locator, Page } from "@playwright/test";
import { readFileSync } from "node:fs";

type ExamplePlan = {
  id: string;
  name: string;
  partner: { notes: string };
  steps: { id: string; title: string }[];
  log: { id: string; text: string; internal?: boolean }[];
};
const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as { plans: ExamplePlan[] };
const northwind = example.plans.find((p) => p.id === "example-telco-northwind")!;
const brightpath = example.plans.find((p) => p.id === "example-reseller-brightpath")!;
const stepTitle = (plan: ExamplePlan, id: string) => plan.steps.find((s) => s.id === id)!.title;

/** Monday 7 December 2026, 10:00 in the browser's time zone: "today" for this journey. */
const TODAY = new Date(2026, 11, 7, 10, 0, 0);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const at = (days: number) => new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + days, 10);
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const short = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]}`;

/** Today's date on the browser's clock, then the portfolio with the example plans saved. */
async function examplesOn(page: Page, day: Date): Promise<PortfolioPage> {
  await page.clock.setFixedTime(day);
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(added);
  return portfolio;
}

const score = async (page: Page) => Number(await page.getByTestId("momentum-score").textContent());
const component = (page: Page, slug: string): Locator => page.locator(`.component[data-component="${slug}"]`);
const componentValue = async (page: Page, slug: string) => Number(await component(page, slug).getAttribute("data-value"));
const stepRow = (page: Page, title: string) => page.getByTestId("step").filter({ hasText: title });
/** Waits until every save has run: the notice said so, and storage holds `text`. */
async function savedWith(page: Page, text: string) {
  await new PortfolioPage(page).waitForStored(text);
}

test("finishing a partner's step early never lowers Follow-through, and the panel says what to do next", async ({ page }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(northwind.name);
  const title = stepTitle(northwind, "nw-renewals");
  const before = await componentValue(page, "follow-through");

  const row = stepRow(page, title);
  await expect(row.getByLabel(`Done on (for “${title}”)`)).toHaveValue(iso(TODAY));
  await row.getByRole("button", { name: /^Done/ }).click();
  await expect(page.getByRole("status")).toHaveText("Step completed.");
  await expect(stepRow(page, title)).toContainText(`Done ${short(TODAY)}`);

  const after = await componentValue(page, "follow-through");
  expect(after, "done early counts as on time the day it is done").toBeGreaterThanOrEqual(before);
  // One commitment fewer: the panel says how to get it back.
  await expect(page.locator(".what-ifs li", { hasText: "Add a step the partner owns" }).locator(".gain")).toHaveText(/^\+\d+$/);

  // The points shown add up to the score.
  const points = await page.locator(".component-points [data-points]").evaluateAll((all) =>
    all.map((e) => Number(e.getAttribute("data-points"))),
  );
  expect(points.reduce((a, b) => a + b, 0)).toBe(await score(page));
});

test("moving an overdue step's date later does not raise the score and shows the slip", async ({ page }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(brightpath.name);
  const title = stepTitle(brightpath, "bp-quote-template");
  const before = await score(page);
  const row = stepRow(page, title);
  await expect(row).toContainText("Overdue since");
  // "Overdue since 13 Nov 2026": the date it was committed to.
  const committed = (await row.locator(".step-status").textContent())!.replace("Overdue since ", "").replace(/ \d{4}$/, "");

  await row.getByRole("button", { name: `Edit “${title}”` }).click();
  // The form's fields come before its Delete button.
  await page.keyboard.press("Tab");
  await expect(row.getByLabel("Step", { exact: true })).toBeFocused();
  await row.getByLabel("Due").fill(iso(at(14)));
  await row.getByLabel("Due").blur();

  await expect(row.locator(".step-status")).toHaveText(
    `Due ${short(at(14))} ${at(14).getFullYear()} · slipped from ${committed}`,
  );
  expect(await score(page), "a slip is not a new promise").toBeLessThanOrEqual(before);
  await expect(page.locator(".momentum-panel").getByTestId("alerts")).toContainText(/slipped/);
  await savedWith(page, `"due_on":"${iso(at(14))}"`);

  // Weeks later, the record still says so.
  await page.clock.setFixedTime(at(3));
  await page.reload();
  await expect(stepRow(page, title).locator(".step-status")).toContainText("slipped from");
});

test("a sync logged by mistake is undone, and its effect on the score with it", async ({ page }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(brightpath.name);
  const before = await score(page);
  const entries = await page.getByTestId("log-entry").count();

  await page.getByRole("button", { name: "Log sync" }).click();
  await expect(page.getByRole("status")).toContainText(`Sync logged for today, ${short(TODAY)} ${TODAY.getFullYear()}.`);
  await expect.poll(() => score(page)).toBeGreaterThan(before);
  await expect(page.getByTestId("log-entry")).toHaveCount(entries + 1);

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Undone");
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before));
  await expect(page.getByTestId("log-entry")).toHaveCount(entries);
  await page.reload();
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before));

  // "Log win" says what it logged and offers the same.
  await page.getByRole("button", { name: "Log win" }).click();
  await expect(page.getByRole("status")).toContainText("Win logged for today");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByTestId("momentum-score")).toHaveText(String(before));
});

test("every history entry can be corrected or deleted, and a deleted entry or step comes back with Undo", async ({ page, checkAccessibility }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(northwind.name);

  await page.locator("#log-kind").selectOption("Note");
  await page.locator("#log-text").fill("Sent the case study draft to Hannah");
  await page.getByRole("button", { name: "Log", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Note logged for");
  const entry = page.getByTestId("log-entry").filter({ hasText: "Sent the case study draft" });
  await expect(entry).toHaveCount(1);

  // Corrected: another day, another kind, internal.
  await entry.getByRole("button", { name: /^Edit Note of/ }).click();
  await entry.getByLabel("On", { exact: true }).fill(iso(at(-2)));
  await entry.getByLabel("On", { exact: true }).blur();
  await entry.getByLabel("What happened").selectOption("Win");
  // The row is found by what it says, which changes as it is typed.
  const id = await entry.getByLabel("In one line").getAttribute("id");
  await page.locator(`#${id}`).fill("Hannah approved the case study draft");
  const corrected = page.getByTestId("log-entry").filter({ hasText: "Hannah approved the case study draft" });
  await corrected.getByLabel("Internal", { exact: true }).check();
  await expect(corrected.locator(".log-kind")).toHaveText("Win");
  await expect(corrected.locator("time")).toHaveText(`${short(at(-2))} ${at(-2).getFullYear()}`);
  await expect(corrected.locator(".tag-internal")).toHaveText("Internal");
  await checkAccessibility();

  // Deleted, then back.
  await corrected.getByRole("button", { name: /^Delete entry Win of/ }).click();
  await expect(page.getByRole("status")).toContainText(`Win of ${short(at(-2))} deleted.`);
  await expect(corrected).toHaveCount(0);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByTestId("log-entry").filter({ hasText: "Hannah approved the case study draft" })).toHaveCount(1);

  // A step deleted by mistake comes back where it was.
  const title = stepTitle(northwind, "nw-q1-criteria");
  const order = await page.locator("#steps .step-title").allTextContents();
  await stepRow(page, title).getByRole("button", { name: `Edit “${title}”` }).click();
  await stepRow(page, title).getByRole("button", { name: `Delete step “${title}”` }).click();
  await expect(page.getByRole("status")).toContainText(`Step “${title}” deleted.`);
  await expect(stepRow(page, title)).toHaveCount(0);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("The step is back.");
  await expect(page.locator("#steps .step-title")).toHaveText(order);
  await savedWith(page, "Hannah approved the case study draft");
});

test("a step done last week is recorded on its day, not today", async ({ page }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(northwind.name);
  const title = stepTitle(northwind, "nw-review-pack");
  const row = stepRow(page, title);
  const doneOn = row.getByLabel(`Done on (for “${title}”)`);
  await doneOn.fill(iso(at(-5)));
  await row.getByRole("button", { name: /^Done/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Step completed on ${short(at(-5))} ${at(-5).getFullYear()}.`);
  await expect(stepRow(page, title).locator(".step-status")).toContainText(`Done ${short(at(-5))}`);

  // A day after today is refused.
  const other = stepTitle(northwind, "nw-renewals");
  const otherRow = stepRow(page, other);
  await otherRow.getByLabel(`Done on (for “${other}”)`).fill(iso(at(2)));
  await otherRow.getByRole("button", { name: /^Done/ }).click();
  await expect(page.getByRole("status")).toHaveText("A step can't be done after today.");
  await expect(otherRow.locator(".step-status")).not.toContainText("Done");
});

test("a blocker has an owner and a step, costs energy after a week, and stops when resolved", async ({ page }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(northwind.name);
  const step = stepTitle(northwind, "nw-q1-criteria");

  await page.locator("#log-kind").selectOption("Blocker");
  await page.locator("#log-text").fill("Gareth's office has not confirmed the Q1 review slot");
  await page.getByLabel("Owner", { exact: true }).fill("Hannah Mercer");
  await page.getByLabel("Blocks step").selectOption({ label: step });
  await page.getByRole("button", { name: "Log", exact: true }).click();

  const panel = page.getByTestId("open-blockers");
  await expect(panel.getByRole("heading")).toHaveText("1 open blocker");
  await expect(panel).toContainText("Owner: Hannah Mercer");
  await expect(panel).toContainText(`blocks “${step}”`);
  await expect(stepRow(page, step).locator(".step-blocked")).toContainText("Gareth's office");
  const energyNow = await componentValue(page, "energy");
  await savedWith(page, "Gareth's office has not confirmed");

  // Ten days on, it costs energy and needs attention.
  await page.clock.setFixedTime(at(10));
  await page.reload();
  await expect(panel).toContainText("open for 10 days");
  await expect(page.locator(".momentum-panel")).toContainText(/blocker open for 10 days/i);
  const energyLater = await componentValue(page, "energy");
  const cost = page.locator(".component[data-component=energy] .component-detail");
  await expect(cost).toContainText("blocker");

  // Resolved: the panel goes, and so does the cost.
  await panel.getByRole("button", { name: /^Resolve/ }).click();
  await expect(page.getByRole("status")).toHaveText("Blocker resolved.");
  await expect(panel).toHaveCount(0);
  await expect.poll(() => componentValue(page, "energy")).toBeGreaterThan(energyLater);
  const history = page.getByTestId("log-entry").filter({ hasText: "Gareth's office" });
  await expect(history.locator(".blocker-status")).toContainText(`resolved ${short(at(10))}`);
  expect(energyNow).toBeGreaterThan(0);
});

test("a share link for the partner holds no internal note, and says so before it is copied", async ({ page, browser }) => {
  const portfolio = await examplesOn(page, TODAY);
  await portfolio.openPlan(northwind.name);
  const internal = northwind.log.find((e) => e.internal)!;
  await expect(page.getByTestId("log-entry").filter({ hasText: internal.text.slice(0, 40) }).locator(".tag-internal")).toBeVisible();
  await expect(page.getByTestId("share-note")).toHaveText(
    "Partner-safe The partner gets the whole plan except our notes about the partner and 1 internal history entry, which stay on this device.",
  );

  await page.getByRole("button", { name: "Copy share link" }).click();
  const link = await page.getByTestId("share-link").inputValue();

  const context = await browser.newContext();
  const partner = await context.newPage();
  const problems = watchPage(partner);
  await partner.goto(link);
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  const seen = (await partner.locator("body").textContent()) ?? "";
  expect(seen).not.toContain(internal.text.slice(0, 40));
  expect(seen).not.toContain(northwind.partner.notes.slice(0, 40));
  await partner.getByRole("button", { name: "Save to my plans" }).click();
  await expect(new PlanPage(partner).title).toHaveText(northwind.name);
  await expect.poll(async () => Object.keys(await storageDump(partner))).toContain(`pilotdeck/v1/plans/${northwind.id}`);
  const stored = JSON.stringify(await storageDump(partner));
  expect(stored).not.toContain(internal.text.slice(0, 40));
  expect(stored).not.toContain(northwind.partner.notes.slice(0, 40));
  await context.close();
  expect(problems).toEqual([]);

  // A full backup still holds everything.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export plan" }).click()]);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text).toContain(internal.text.slice(0, 40));
  expect(text).toContain(northwind.partner.notes.slice(0, 40));
});
