// Journey: a partner manager turns an idea into a launched 30-day pilot with the Scrappy V1
// wizard — by keyboard, across a reload, past the launch gates, or parking it when the timing
// is wrong.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage, WizardPage, isoDay } from "./fixtures/pages";

test("a telco pilot from /new to launched, with labels and the keyboard only", async ({ page, checkAccessibility }) => {
  const wizard = new WizardPage(page);
  await page.goto("/new");
  await wizard.expectStep("Partner");
  await checkAccessibility();

  // "Next" on an empty step says what is missing, next to the fields, and focuses the first.
  await wizard.next.press("Enter");
  await expect(wizard.missing).toHaveText("3 things on this step need an answer or a fix: see the messages next to the fields.");
  await expect(page.locator("#partner-name-problem")).toHaveText("Name the partner.");
  await expect(page.getByLabel("Partner name")).toBeFocused();
  await checkAccessibility();

  await wizard.partner();
  // The kind is named in a sentence as it is said: "an agency pilot", "a telco pilot".
  await page.getByLabel("Kind of partnership").selectOption("Agency");
  await expect(page.getByText("Typical risks in an agency pilot")).toBeVisible();
  await page.getByLabel("Kind of partnership").selectOption("Telco");
  await expect(page.getByText("Typical risks in a telco pilot")).toBeVisible();
  await wizard.enterFrom("Their champion");
  await wizard.expectStep("Timing");
  await expect(page).toHaveURL(/\/new\?draft=[\w-]+&step=2$/);
  await checkAccessibility();
  await wizard.timing(5, 4);
  await wizard.next.press("Enter");

  await wizard.expectStep("Fastest joint win");
  await checkAccessibility();
  await wizard.fastestWin();
  await wizard.enterFrom("Unit");

  await wizard.expectStep("Foundation");
  await checkAccessibility();
  // The people named on the first step are not typed twice.
  await expect(page.getByLabel("Our owner", { exact: true })).toHaveValue("Maya Okafor");
  await expect(page.getByLabel("Their owner")).toHaveValue("Hannah Mercer");
  await wizard.foundation();
  // A key result's fields sit side by side without overlapping, on a laptop and on a phone.
  const viewport = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const overlaps = await page.evaluate(() => {
      const boxes = ["kr-0-name", "kr-0-baseline", "kr-0-target", "kr-0-unit"].map((id) => document.getElementById(id)!.getBoundingClientRect());
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) found.push(`${i}/${j}`);
        }
      return { found, sideways: document.documentElement.scrollWidth - innerWidth };
    });
    expect(overlaps, `at ${width} px`).toEqual({ found: [], sideways: 0 });
  }
  if (viewport) await page.setViewportSize(viewport);
  await wizard.enterFrom("Their sponsor");

  await wizard.expectStep("Next three steps");
  await checkAccessibility();
  await wizard.step(0, "Whitelist the activation SMS sender", "Ravi Chandran", "The partner", 5);
  await wizard.step(1, "Telesales script and objection sheet", "Maya Okafor", "Us", 7);
  await wizard.step(2, "Train the 28 telesales agents", "Hannah Mercer", "Both (jointly)", 10);
  await page.locator("#step-2-owner").press("Enter");

  await wizard.expectStep("Launch");
  await expect(page.getByRole("heading", { name: "The plan on one page" })).toBeVisible();
  await page.getByLabel("Launch date").fill(isoDay(3));
  await expect(page.locator(".launch-why")).toHaveText("Every launch gate holds.");
  await checkAccessibility();
  await wizard.launch.press("Enter");

  // The plan page shows what was entered, live, with the first cycle running.
  const plan = new PlanPage(page);
  await expect(page).toHaveURL(/\/plans\/[\w-]+$/);
  await expect(plan.title).toHaveText("Northwind Mobile — Bundle our booking add-on into Business Flex for salons");
  await expect(page.getByTestId("plan-stage")).toHaveText("Live");
  await expect(page.getByTestId("momentum-score")).toHaveText(/^\d+$/);
  // It starts in three days: the explanation counts towards that, never "-3 days ago".
  const momentum = page.locator(".momentum-panel");
  await expect(momentum).toContainText(/The pilot starts in 3 days; syncs count from then, every \d+ days\./);
  await expect(momentum).toContainText("The pilot starts in 3 days; no win is due before then.");
  await expect(momentum).not.toContainText(/-\d+ days? ago/);
  await expect(plan.section("Partner")).toContainText("Hannah Mercer");
  await expect(plan.section("Fastest joint win")).toContainText("Activated accounts: from 0 accounts to 120 accounts");
  await expect(plan.section("Foundation")).toContainText("Bundled lines activated");
  await expect(plan.section("Next steps")).toContainText("Train the 28 telesales agents");
  await expect(plan.section("30-day cycles")).toContainText("Cycle 1");
  await expect(page.getByRole("status")).toContainText("Launched");
  // On the portfolio it counts as running; the radar says it joins on its launch day.
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(page.locator("#radar-caption")).toContainText("One running pilot launches later; it joins the radar on its launch day.");
});

test("a reload at step 4 comes back with every answer", async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.toFoundation("Cascadia Fibre");
  await page.getByLabel("Shared objective").fill("Half-typed objective");
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? "").includes("Half-typed objective")))).toBe(true);

  await page.reload();
  await wizard.expectStep("Foundation");
  await expect(page.getByLabel("Shared objective")).toHaveValue("Half-typed objective");
  await wizard.back.click();
  await wizard.expectStep("Fastest joint win");
  await expect(page.getByLabel("One use case")).toHaveValue("Bundle our booking add-on into Business Flex for salons");
  await expect(page.getByLabel("Baseline (today)")).toHaveValue("0");
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("120");

  // The draft is on the portfolio, and "Continue" resumes at the first step with something missing.
  await page.goto("/");
  const card = new PortfolioPage(page).card("Cascadia Fibre — Bundle our booking add-on into Business Flex for salons");
  await expect(card.getByTestId("plan-stage")).toHaveText("Designing");
  await card.getByRole("link", { name: /^Continue/ }).click();
  await wizard.expectStep("Foundation");
  await expect(page.getByLabel("Shared objective")).toHaveValue("Half-typed objective");
});

test("launch stays disabled with two steps, or with none the partner owns, and says why", async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.toFoundation();
  await wizard.foundation();
  await wizard.next.click();
  await wizard.expectStep("Next three steps");
  await wizard.step(0, "Whitelist the activation SMS sender", "Ravi Chandran", "The partner", 5);
  await wizard.step(1, "Telesales script", "Maya Okafor", "Us", 7);
  await wizard.next.click();
  await expect(page.locator("#step-2-title-problem")).toHaveText("Describe this step.");

  // Straight to the launch step with two steps: the button is disabled and says why.
  const launchUrl = page.url().replace(/step=\d$/, "step=6");
  await page.goto(launchUrl);
  await wizard.expectStep("Launch");
  await page.getByLabel("Launch date").fill(isoDay(3));
  await expect(wizard.launch).toBeDisabled();
  await expect(page.locator(".launch-why")).toContainText("Three owned, dated next steps, one the partner's");

  // Three steps, all ours: still no launch.
  await wizard.back.click();
  await wizard.step(0, "Whitelist the activation SMS sender", "Maya Okafor", "Us", 5);
  await wizard.step(2, "Train the agents", "Maya Okafor", "Us", 10);
  await wizard.next.click();
  await expect(page.locator("#steps-problem")).toHaveText("At least one step must be owned by the partner, or jointly.");
  await page.goto(launchUrl);
  await expect(wizard.launch).toBeDisabled();
  await expect(page.locator(".launch-why")).toContainText("one the partner's");

  // One of them made joint: the gate opens.
  await wizard.back.click();
  await page.locator("#step-2-side").selectOption("Both (jointly)");
  await wizard.next.click();
  await wizard.expectStep("Launch");
  await expect(wizard.launch).toBeEnabled();
});

test("poor timing offers to park the plan until a date, and keeps it", async ({ page, checkAccessibility }) => {
  const wizard = new WizardPage(page);
  await page.goto("/new");
  await wizard.partner("Harbor & Main Bank");
  await wizard.next.click();
  await wizard.timing(5, 1);
  await expect(page.getByText("The timing looks poor.")).toBeVisible();
  await checkAccessibility();
  // A day already gone is no wait for better timing.
  await page.getByLabel("Revisit on").fill(isoDay(-5));
  await expect(page.locator("#revisit-on-problem")).toHaveText("Pick a day after today: the plan waits until then.");
  await expect(page.getByRole("button", { name: "Park until…" })).toBeDisabled();
  const revisit = isoDay(60);
  await page.getByLabel("Revisit on").fill(revisit);
  await page.getByRole("button", { name: "Park until…" }).click();

  await expect(page).toHaveURL(/\/plans\/[\w-]+$/);
  await expect(page.getByTestId("plan-stage")).toHaveText("Parked");
  await expect(page.locator(".callout").first()).toContainText("Parked until");
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("pilotdeck/v1/plans/"))!;
    return JSON.parse(localStorage.getItem(key)!).plan;
  });
  expect(stored.stage).toBe("parked");
  expect(stored.revisit_on).toBe(revisit);
  expect(stored.timing.readiness).toBe(1);
  expect(stored.partner.name).toBe("Harbor & Main Bank");
});

test("a number that is not a number holds the step, after Back and after a reload too", async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.toFoundation();

  // Back on a step that is complete, a target that is not a number does not let Next through
  // with the last number the draft held.
  await wizard.back.click();
  await wizard.expectStep("Fastest joint win");
  const target = page.getByLabel("Target", { exact: true });
  await target.fill("abc");
  await page.getByLabel("Baseline (today)").fill("twelve");
  await wizard.next.click();
  await wizard.expectStep("Fastest joint win");
  await expect(wizard.missing).toHaveText("2 numbers on this step are not numbers yet: see the messages next to the fields.");
  await expect(page.getByLabel("Baseline (today)")).toBeFocused();
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#metric-target-problem")).toHaveText("Not a number: type one like 120, 4.5 or 15%.");

  // Fixed, it moves on with the numbers shown, typed as people type them: a percentage with
  // its sign, a decimal comma.
  await page.getByLabel("Baseline (today)").fill("12%");
  await target.fill("140,0");
  await wizard.next.click();
  await wizard.expectStep("Foundation");
  await wizard.back.click();
  await expect(page.getByLabel("Baseline (today)")).toHaveValue("12");
  await expect(target).toHaveValue("140");

  // After a reload the field starts from the stored number, and the same holds.
  await page.reload();
  await wizard.expectStep("Fastest joint win");
  await target.fill("lots");
  await wizard.next.click();
  await wizard.expectStep("Fastest joint win");
  await expect(wizard.missing).toHaveText("A number on this step is not a number yet: see the message next to the field.");
  await expect(target).toBeFocused();

  // On Foundation, a key result's target the same way.
  await target.fill("140");
  await wizard.next.click();
  await wizard.foundation();
  await page.locator("#kr-0-target").fill("7x");
  await wizard.next.click();
  await wizard.expectStep("Foundation");
  await expect(page.locator("#kr-0-target")).toBeFocused();
  await page.locator("#kr-0-target").fill("130");
  await wizard.next.click();
  await wizard.expectStep("Next three steps");
});

test("a pilot already running is recorded with its launch date three weeks back, said at the field", async ({ page, checkAccessibility }) => {
  const wizard = new WizardPage(page);
  await wizard.toFoundation();
  await wizard.foundation();
  await wizard.next.click();
  await wizard.expectStep("Next three steps");
  await wizard.step(0, "Whitelist the activation SMS sender", "Ravi Chandran", "The partner", 5);
  await wizard.step(1, "Telesales script", "Maya Okafor", "Us", 7);
  await wizard.step(2, "Train the agents", "Hannah Mercer", "Both (jointly)", 10);
  // The ideas name each owner once: "(joint)", never "(both (jointly))".
  const ideas = page.locator(".field-hint", { hasText: "Ideas for" });
  await expect(ideas).toContainText(/\((ours|theirs|joint)\)/);
  await expect(ideas).not.toContainText("(both (jointly))");
  await wizard.next.click();
  await wizard.expectStep("Launch");
  // The launch date is fixed right here: no "Fix in Launch" link on the Launch step.
  await expect(page.getByRole("link", { name: "Fix in Launch" })).toHaveCount(0);

  // A date three weeks back, as a new launch: refused at the field, with the way out.
  const date = page.getByLabel("Launch date");
  await date.fill(isoDay(-21));
  await expect(page.locator("#launch-on-problem")).toHaveText(
    "The launch date is in the past. If the pilot is already running, tick “Launched already”.",
  );
  await expect(wizard.launch).toBeDisabled();
  await expect(page.locator(".launch-why")).toContainText("A launch date within 30 days");

  // Launched already: the same date is the launch day, and the gates open.
  await page.getByLabel("Launched already").check();
  await expect(page.locator("#launch-on-problem")).toHaveText("");
  await expect(page.locator(".checklist")).not.toContainText("A launch date within 30 days");
  await expect(wizard.launch).toBeEnabled();
  await checkAccessibility();

  // A day to come is no launch that happened; more than a year back is refused too.
  await date.fill(isoDay(2));
  await expect(page.locator("#launch-on-problem")).toContainText("launched today or earlier");
  await date.fill(isoDay(-400));
  await expect(page.locator("#launch-on-problem")).toContainText("in the last year");
  await expect(wizard.launch).toBeDisabled();

  await date.fill(isoDay(-21));
  await wizard.launch.click();
  await expect(page.getByRole("status")).toContainText("Recorded as running since its launch date.");
  await expect(page.getByTestId("momentum-score")).toHaveText(/^(\d{1,3}|Unknown)$/);
  await expect(page.locator(".momentum-panel")).toContainText("No sync logged since launch, 21 days ago");
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(page.getByTestId("plan-card").first()).toContainText("Day 21 since launch");
});

test("a past next sync is a thing to fix, said as such, and the Timing prompt is the partner's question", async ({ page }) => {
  const wizard = new WizardPage(page);
  await page.goto("/new");
  await wizard.partner();
  await wizard.next.click();
  await wizard.expectStep("Timing");
  // The seed's question is for the partner; the fields ask about "their leadership".
  await expect(page.locator(".prompt")).toHaveText(/^Ask the partner: What's top-of-mind for your leadership this quarter\?/);
  await expect(page.getByLabel("What's top-of-mind for their leadership this quarter?")).toBeVisible();
  await wizard.timing(4, 4);
  await wizard.next.click();
  await wizard.fastestWin();
  await wizard.next.click();
  await wizard.foundation();
  await page.getByLabel("Next sync").fill(isoDay(-1));
  await wizard.next.click();
  await wizard.expectStep("Foundation");
  await expect(wizard.missing).toHaveText("One thing on this step needs an answer or a fix: see the message next to the field.");
  await expect(page.locator("#next-sync-problem")).toHaveText("The next sync can't be in the past.");
});

test("opening New pilot from inside the app puts the keyboard in its first field", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await page.getByRole("link", { name: "New pilot" }).click();
  await new WizardPage(page).expectStep("Partner");
  await expect(page.getByLabel("Partner name")).toBeFocused();
  await page.keyboard.type("Orbit Payments");
  await expect(page.getByLabel("Partner name")).toHaveValue("Orbit Payments");
});
