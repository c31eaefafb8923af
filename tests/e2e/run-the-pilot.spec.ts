// Journey: a partner manager runs a live pilot through the week — logs what happened, closes
// steps, checks in on key results, runs the 30-day review — while the head of partnerships finds
// the plans that need attention on the portfolio.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage, isoDay } from "./fixtures/pages";

const salonbiz = "SalonBiz Weekly — tracked trials in the newsletter";
const ridgeway = "Ridgeway College — training salon on Slotwise";

/** A day `offset` days from today as the app writes it, e.g. "12 Jan 2027". */
function longDay(offset: number): string {
  const [year, month, day] = isoDay(offset).split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${day} ${months[month - 1]} ${year}`;
}

test.beforeEach(async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);
});

test("logging on a drifting plan moves its score and band on the page and the portfolio", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  const card = portfolio.card(salonbiz);
  const before = Number(await card.getByTestId("momentum-score").textContent());
  await expect(card.getByTestId("momentum-band")).toHaveText("Drifting");
  await portfolio.openPlan(salonbiz);

  // One line in the log: a sync with a note.
  await page.getByLabel("What happened").selectOption("Sync");
  await page.getByLabel("In one line").fill("Sync: Safari fix shipped, 40 trials attributed");
  await page.getByRole("button", { name: "Log", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/^Sync logged for \d{1,2} \w{3} \d{4}\./);
  await expect(page.locator("#history .timeline li").first()).toContainText("Safari fix shipped");
  const afterSync = Number(await page.getByTestId("momentum-score").textContent());
  expect(afterSync).toBeGreaterThan(before);

  // A win and a partner-owned step, and the band moves up.
  await page.getByRole("button", { name: "Log win" }).click();
  await page.getByLabel("New step").fill("Marcus sends the December issue plan");
  await page.getByLabel("Owned by").first().selectOption("The partner");
  await page.getByLabel("Owner's name").first().fill("Marcus Bell");
  await page.locator("#new-step-due").fill(new Date(Date.now() + 5 * 864e5).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.locator("#steps")).toContainText("Marcus sends the December issue plan");
  const score = (await page.getByTestId("momentum-score").textContent())!;
  const band = (await page.getByTestId("momentum-band").textContent())!;
  expect(Number(score)).toBeGreaterThan(afterSync);
  expect(band).toBe("Moving");
  await checkAccessibility();

  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(portfolio.card(salonbiz).getByTestId("momentum-score")).toHaveText(score);
  await expect(portfolio.card(salonbiz).getByTestId("momentum-band")).toHaveText(band);
});

test("completing an overdue step clears the alert, and reopening brings it back", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  const overdue = page.locator("#steps li.step-overdue");
  await expect(overdue).toHaveCount(1);
  await expect(page.getByTestId("alerts")).toContainText("Overdue steps");
  const before = Number(await page.getByTestId("momentum-score").textContent());

  await overdue.getByRole("button", { name: /^Done/ }).click();
  await expect(page.locator("#steps li.step-overdue")).toHaveCount(0);
  await expect(page.getByTestId("alerts")).not.toContainText("Overdue steps");
  expect(Number(await page.getByTestId("momentum-score").textContent())).toBeGreaterThan(before);

  await page.locator("#steps li", { hasText: "Reconcile October commissions" }).getByRole("button", { name: /^Reopen/ }).click();
  await expect(page.locator("#steps li.step-overdue")).toHaveCount(1);
});

test("the 30-day review ends in iterate with a new cycle", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  const review = page.getByRole("region", { name: "The 30-day review is due" });
  await expect(review).toBeVisible();
  await checkAccessibility();
  await review.getByLabel("What to keep", { exact: true }).fill("The 'Tools we use' slot");
  await review.getByLabel("What to change", { exact: true }).fill("Server-side click ids for Safari");
  await review.getByLabel("What to stop", { exact: true }).fill("Manual commission sheets");
  // The answers are saved as typed: a reload keeps them.
  await new PortfolioPage(page).waitForStored("Manual commission sheets");
  await page.reload();
  await expect(review.getByLabel("What to keep", { exact: true })).toHaveValue("The 'Tools we use' slot");
  await expect(review.getByLabel("What to change", { exact: true })).toHaveValue("Server-side click ids for Safari");
  await expect(review.getByLabel("What to stop", { exact: true })).toHaveValue("Manual commission sheets");
  await review.getByRole("button", { name: "Record the review" }).click();
  await expect(review.getByRole("alert")).toHaveText("Choose scale, iterate or stop.");
  await review.getByRole("radio", { name: /^Iterate/ }).check();
  await expect(review.getByText("Choose scale, iterate or stop.")).toHaveCount(0);
  await review.getByRole("button", { name: "Record the review" }).click();

  await expect(page.getByRole("status")).toHaveText("Review recorded: a new 30-day cycle has started.");
  await expect(review).toHaveCount(0);
  await expect(page.getByTestId("plan-stage")).toHaveText("Live");
  const cycles = page.locator("#cycles");
  await expect(cycles).toContainText("Cycle 2");
  await expect(cycles).toContainText("Server-side click ids for Safari");
  await expect(cycles).toContainText("Iterate");
  await page.reload();
  await expect(page.locator("#cycles")).toContainText("Cycle 2");
});

test("a plan deleted by mistake comes back with Undo, or from the trash in settings", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await page.getByLabel("Sort by").selectOption("Date added");
  const order = (await portfolio.summary()).map((card) => card.name);
  await portfolio.openPlan(ridgeway);
  await page.getByRole("button", { name: "Delete plan" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(portfolio.heading).toBeVisible();
  await expect(page.getByRole("status")).toContainText("was moved to the trash");
  await expect(portfolio.card(ridgeway)).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(portfolio.card(ridgeway)).toHaveCount(1);
  // Back where it stood, with the keyboard focus on it (the Undo button is gone).
  expect((await portfolio.summary()).map((card) => card.name)).toEqual(order);
  await expect(portfolio.card(ridgeway).getByRole("link", { name: ridgeway, exact: true })).toBeFocused();

  // Deleted again, the plan waits in the trash across a reload and is restored from settings.
  await portfolio.openPlan(ridgeway);
  await page.getByRole("button", { name: "Delete plan" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(portfolio.card(ridgeway)).toHaveCount(0);
  await page.reload();
  await expect(portfolio.cards).toHaveCount(8);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("storage-used")).toHaveText(/^\d+\.\d KB of about 10 MB \(\d+%\)$/);
  const trash = page.getByTestId("trash");
  await expect(trash).toContainText(ridgeway);
  await checkAccessibility();
  await trash.getByRole("button", { name: /^Restore/ }).click();
  await expect(page.getByText("The trash is empty.")).toBeVisible();
  await page.getByRole("link", { name: "Plans" }).click();
  await expect(portfolio.card(ridgeway)).toHaveCount(1);
});

test("deleting asks first, by keyboard too, and deleting for good cannot happen by one slip", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(ridgeway);
  // "Delete plan" asks; the keyboard lands on the safe answer, so Enter keeps the plan, and Esc
  // takes the question back too.
  await page.getByRole("button", { name: "Delete plan" }).focus();
  await page.keyboard.press("Enter");
  const question = page.getByRole("group", { name: "Confirm deletion" });
  const keep = question.getByRole("button", { name: "Cancel" });
  await expect(keep).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete plan" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(keep).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Delete plan" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(keep).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(question.getByRole("button", { name: "Delete", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(portfolio.card(ridgeway)).toHaveCount(0);

  await page.getByRole("link", { name: "Settings" }).click();
  const trash = page.getByTestId("trash");
  const forget = trash.getByRole("button", { name: /^Delete for good/ });
  await forget.click();
  const sure = trash.getByRole("group", { name: "Confirm deletion for good" });
  await expect(sure).toContainText("Delete it for good? This cannot be undone.");
  await expect(sure.getByRole("button", { name: "Cancel" })).toBeFocused();
  await checkAccessibility();
  await page.keyboard.press("Escape");
  await expect(sure).toHaveCount(0);
  await expect(forget).toBeFocused();
  await forget.click();
  await sure.getByRole("button", { name: "Cancel" }).click();
  await expect(trash).toContainText(ridgeway);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pilotdeck/v1/trash/")).length);
  expect(await stored()).toBe(1);

  await forget.click();
  await sure.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("status")).toHaveText(`“${ridgeway}” was deleted for good.`);
  await expect(page.getByText("The trash is empty.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Trash" })).toBeFocused();
  await expect.poll(stored).toBe(0);
});

test("filters and sort survive a reload", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await page.getByLabel("Partner kind").selectOption("Telco");
  await expect(portfolio.cards).toHaveCount(2);
  await page.getByLabel("Partner kind").selectOption("Any");
  await page.getByLabel("Stage").selectOption("Live");
  await page.getByLabel("Sort by").selectOption("Momentum, lowest first");
  const live = await portfolio.summary();
  expect(live.map((c) => c.stage)).toEqual(["Live", "Live"]);
  const scores = await portfolio.cards.getByTestId("momentum-score").allTextContents();
  expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => a - b));
  await checkAccessibility();

  await page.reload();
  await expect(page.getByLabel("Stage")).toHaveValue("Live");
  await expect(page.getByLabel("Sort by")).toHaveValue("Momentum, lowest first");
  expect(await portfolio.summary()).toEqual(live);

  await page.getByLabel("Search").fill("northwind");
  await expect(portfolio.cards).toHaveCount(1);
  await page.getByLabel("Search").fill("no such partner");
  await expect(page.getByText("No plan matches this search and these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(portfolio.cards).toHaveCount(9);
});

test("the radar has one dot per scored plan, and a dot opens its plan", async ({ page }) => {
  const dots = page.getByTestId("radar-dot");
  await expect(dots).toHaveCount(4);
  const attention = page.getByTestId("needs-attention");
  await expect(attention.locator("li").first()).toContainText("Ghost-town risk");
  // Each plan once, its alerts together, the most urgent plan first.
  const plans = attention.getByTestId("attention-plan");
  const names = await plans.locator(":scope > a").allTextContents();
  expect(new Set(names).size).toBe(names.length);
  expect(names[0]).toBe("Brightpath POS & IT — Slotwise at every salon install");
  expect(await plans.first().locator(".alert").count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole("heading", { name: /^Needs attention/ })).toContainText(`(${names.length} plans)`);
  // Each dot is labelled with its plan's name, a long one cut with an ellipsis.
  let cut = 0;
  for (const dot of await dots.all()) {
    const name = /^(.*): day \d+, momentum /.exec((await dot.getAttribute("aria-label")) ?? "")?.[1] ?? "";
    const label = (await dot.locator(".radar-label").textContent())?.trim();
    expect(label).toBe(name.length > 28 ? `${[...name].slice(0, 28).join("").trimEnd()}…` : name);
    if (name.length > 28) cut += 1;
  }
  expect(cut).toBeGreaterThan(0);

  await page.getByRole("link", { name: /^Brightpath POS & IT.*: day \d+, momentum \d+/ }).click();
  await expect(new PlanPage(page).title).toHaveText("Brightpath POS & IT — Slotwise at every salon install");
  await page.goBack();
  const first = dots.first();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/plans\/example-/);
});

test("sections edit in place, key results check in, and both survive a reload", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  await page.getByRole("button", { name: "Edit partner" }).click();
  await page.getByLabel("Notes").fill("Marcus prefers Tuesday syncs.");
  await checkAccessibility();
  await page.getByRole("button", { name: "Done partner" }).click();
  await expect(page.locator("#partner")).toContainText("Marcus prefers Tuesday syncs.");

  const kr = page.locator("#foundation .kr").first();
  await kr.getByRole("button", { name: /^Check in/ }).click();
  // What is not a number is not checked in as the last number the field held.
  await kr.getByLabel("Value now").pressSequentially("14x");
  await kr.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("status")).toHaveText("Not checked in: the value now is not a number.");
  await expect(kr.getByLabel("Value now")).toBeFocused();
  await expect(page.locator("#foundation .kr").first()).not.toContainText("now 14");
  // Thousands may be grouped as people write them.
  await kr.getByLabel("Value now").fill("1,400");
  await kr.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("status")).toHaveText("Key result checked in.");
  await expect(page.locator("#foundation .kr").first()).toContainText("now 1400");
  // The keyboard is back on the row's button, not lost on the page; Esc closes the panel too.
  await expect(kr.getByRole("button", { name: /^Check in/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(kr.getByLabel("Value now")).toBeVisible();
  await kr.getByLabel("Value now").press("Escape");
  await expect(kr.getByLabel("Value now")).toHaveCount(0);
  await expect(kr.getByRole("button", { name: /^Check in/ })).toBeFocused();
  await kr.getByRole("button", { name: /^Check in/ }).click();
  await kr.getByLabel("Value now").fill("14");
  await kr.getByLabel("Confidence").selectOption("At risk");
  await kr.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByRole("status")).toHaveText("Key result checked in.");
  await expect(page.locator("#foundation .kr").first()).toContainText("At risk on");

  await page.reload();
  await expect(page.locator("#partner")).toContainText("Marcus prefers Tuesday syncs.");
  await expect(page.locator("#foundation .kr").first()).toContainText("now 14");
});

test("a new quarter asks to re-confirm the timing, and the stage can be changed by hand", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan("Brightpath POS & IT — Slotwise at every salon install");
  const banner = page.getByRole("region", { name: /^A new quarter: Q\d \d{4}$/ });
  await expect(banner).toBeVisible();
  await expect(page.getByTestId("alerts")).toContainText("Timing stale");
  await checkAccessibility();
  await banner.getByLabel("What's top-of-mind for their leadership this quarter?").fill("Install volumes before the January price rise");
  await banner.getByRole("button", { name: "Confirm for this quarter" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("alerts")).not.toContainText("Timing stale");
  await expect(page.locator("#timing")).toContainText("Install volumes before the January price rise");

  await page.getByLabel("Stage", { exact: true }).selectOption("Parked");
  await expect(page.getByTestId("plan-stage")).toHaveText("Parked");
  await expect(page.getByTestId("readiness-score")).toBeVisible();
  // Parking asks for the day to look at it again: it offers the next quarter's first day, and
  // takes only a day after today.
  const revisit = page.getByLabel("Revisit on");
  await expect(revisit).toBeFocused();
  await expect(revisit).toHaveValue(/^\d{4}-\d{2}-01$/);
  await revisit.fill(isoDay(-1));
  await expect(page.locator("#plan-revisit-on-problem")).toHaveText("Pick a day after today: the plan waits until then.");
  await revisit.fill(isoDay(40));
  await expect(page.locator("#plan-revisit-on-problem")).toHaveText("");
  await expect(page.locator(".callout.parked")).toContainText(`Parked until ${longDay(40)}.`);
  await page.reload();
  await expect(page.getByTestId("plan-stage")).toHaveText("Parked");
  await expect(page.getByLabel("Revisit on")).toHaveValue(isoDay(40));

  // Back to live, the plan has no day to revisit any more.
  await page.getByLabel("Stage", { exact: true }).selectOption("Live");
  await expect(page.getByTestId("momentum-score")).toBeVisible();
  const id = page.url().split("/plans/")[1];
  await expect
    .poll(() => page.evaluate((id) => JSON.parse(localStorage.getItem(`pilotdeck/v1/plans/${id}`) ?? "{}").plan?.revisit_on ?? null, id))
    .toBeNull();
});

test("completing a step by keyboard leaves the focus on the next open step", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan("Brightpath POS & IT — Slotwise at every salon install");
  const open = page.locator("#steps li:not(.step-done)");
  const count = await open.count();
  expect(count).toBeGreaterThan(1);
  const second = (await open.nth(1).locator(".step-title").textContent()) ?? "";
  await open.first().getByRole("button", { name: /^Done/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#steps li:not(.step-done)")).toHaveCount(count - 1);
  await expect(page.locator("#steps li", { hasText: second }).getByRole("button", { name: /^Done/ })).toBeFocused();

  // The last open step done, the keyboard goes on to the one before it, then to the form.
  for (let left = count - 1; left > 0; left--) {
    await page.keyboard.press("Enter");
    await expect(page.locator("#steps li:not(.step-done)")).toHaveCount(left - 1);
  }
  await expect(page.getByLabel("New step")).toBeFocused();
});

test("in the dark theme every screen a pilot runs through passes axe, its links and danger buttons included", async ({ page, checkAccessibility }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(portfolio.cards).toHaveCount(9);
  await checkAccessibility();
  // A plan not yet launched: its readiness checklist links to the fixes.
  await portfolio.openPlan("Cascadia Fibre — Business Essentials add-on");
  await expect(page.getByTestId("readiness-score")).toBeVisible();
  await checkAccessibility();
  // A running plan, asking whether to delete it.
  await page.getByRole("link", { name: "Portfolio" }).click();
  await portfolio.openPlan(salonbiz);
  await page.getByRole("button", { name: "Delete plan" }).click();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeVisible();
  await checkAccessibility();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByTestId("trash").getByRole("button", { name: /^Delete for good/ }).click();
  await expect(page.getByRole("group", { name: "Confirm deletion for good" })).toBeVisible();
  await checkAccessibility();
});

test("Settings chooses the theme: light, dark or the system's, kept across a reload", async ({ page, checkAccessibility }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/settings");
  const theme = page.getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("radio", { name: "Follow the system" })).toBeChecked();
  const light = await background();

  await theme.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveClass(/theme-dark/);
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await checkAccessibility();
  await page.reload();
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Dark" })).toBeChecked();
  expect(await background()).toBe(dark);

  // Light holds even where the system is dark; "Follow the system" follows it again.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Light" }).check();
  await expect.poll(background).toBe(light);
  await page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Follow the system" }).check();
  await expect.poll(background).toBe(dark);
  await expect(page.locator("html")).not.toHaveClass(/theme-(light|dark)/);
});

test("stopping a pilot from the stage menu asks why, and the reason goes into the history", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  const stage = page.getByLabel("Stage", { exact: true });
  await stage.selectOption("Stopped");
  const reason = page.getByLabel("Why it stops");
  await expect(reason).toBeFocused();
  // Not stopped until it says why; the menu still shows the stage it has.
  await expect(stage).toHaveValue("Reviewing");
  await page.getByRole("button", { name: "Stop the pilot" }).click();
  await expect(page.locator("#stop-reason-problem")).toContainText("Say why it stops");
  await expect(stage).toHaveValue("Reviewing");
  // Esc takes the question back.
  await page.keyboard.press("Escape");
  await expect(reason).toHaveCount(0);
  await expect(stage).toBeFocused();

  await stage.selectOption("Stopped");
  await page.getByLabel("Why it stops").fill("Tracking gaps made attribution impossible to trust");
  await page.getByRole("button", { name: "Stop the pilot" }).click();
  await expect(page.getByRole("status")).toHaveText("Stopped. The reason is in the history.");
  await expect(stage).toHaveValue("Stopped");
  await expect(page.locator("#history .timeline li").first()).toContainText("Pilot stopped: Tracking gaps made attribution impossible to trust");
});

test("the pilot is renamed where its name is shown", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  await page.getByRole("button", { name: "Rename the pilot" }).click();
  const field = page.getByLabel("Pilot name");
  await expect(field).toBeFocused();
  await field.fill("SalonBiz weekly newsletter trials");
  await field.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SalonBiz weekly newsletter trials");
  await expect(page.getByRole("button", { name: "Rename the pilot" })).toBeFocused();
  await portfolio.waitForStored("SalonBiz weekly newsletter trials");
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(portfolio.card("SalonBiz weekly newsletter trials")).toHaveCount(1);
});

test("the foundation's review date and key results' due dates are edited on the plan, and a quick step is ours", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.openPlan(salonbiz);
  await page.getByRole("button", { name: "Edit foundation" }).click();
  const review = page.getByLabel("30-day review on");
  await expect(review).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await review.fill("2031-02-14");
  await page.locator("#edit-kr-0-due").fill("2031-03-01");
  await page.getByRole("button", { name: "Done foundation" }).click();
  await expect(page.locator("#foundation .kr").first()).toContainText("due 1 Mar 2031");
  await portfolio.waitForStored('"review_on":"2031-02-14"');

  await page.getByLabel("New step").fill("Send Marcus the Q1 placement dates");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByTestId("step").filter({ hasText: "Send Marcus the Q1 placement dates" })).toContainText("Ours");
  // The chart's title counts the weeks it shows.
  const weeks = await page.locator(".trend-chart table tbody tr").count();
  await expect(page.locator(".momentum-panel h3", { hasText: /^Last \d+ weeks$/ })).toHaveText(`Last ${weeks} weeks`);
});
