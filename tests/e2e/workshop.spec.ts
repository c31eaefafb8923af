// Journey: a partner manager shares their screen and walks both teams through one plan in
// workshop mode — slide by slide with the keyboard, answers typed straight into the plan, a
// presenter view with notes in a second window, and nothing from any other plan on screen.
import { test, expect, watchPage } from "./fixtures/test";
import { PortfolioPage, PlanPage, WorkshopWindow, SLIDE_TITLES, isoDay } from "./fixtures/pages";
import type { Page } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as {
  plans: { id: string; name: string; partner: { name: string; notes: string }; log: { text: string; internal?: boolean }[] }[];
};
const nordhavn = example.plans.find((p) => p.id === "example-distributor-nordhavn")!;
const northwind = example.plans.find((p) => p.id === "example-telco-northwind")!;

/** The names of every example plan and partner but `keep`'s: none may show in its workshop. */
function othersThan(keep: { id: string }): string[] {
  return example.plans.filter((p) => p.id !== keep.id).flatMap((p) => [p.name, p.partner.name]);
}

async function expectNothingAbout(window: WorkshopWindow, others: string[]) {
  const text = await window.visibleText();
  for (const name of others) expect(text, `“${name}” is not on screen`).not.toContain(name);
}


async function openWorkshop(page: Page, plan: { name: string }) {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(example.plans.length);
  await portfolio.openPlan(plan.name);
  await page.getByRole("button", { name: "Workshop mode" }).click();
  const deck = new WorkshopWindow(page);
  await deck.expectSlide(1, plan.name);
  return deck;
}

test("walking the deck by keyboard captures a step and a parked idea into the plan", async ({ page }) => {
  const deck = await openWorkshop(page, nordhavn);
  await expect(page).toHaveURL(/\/plans\/example-distributor-nordhavn\/workshop$/);
  await expect(page.locator("html")).toHaveClass(/theme-projector/);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expectNothingAbout(deck, othersThan(nordhavn));

  // Forward through every slide with → and PageDown, back with ← and PageUp.
  for (const [i, title] of SLIDE_TITLES.entries()) {
    await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "PageDown");
    await deck.expectSlide(i + 2, title);
    await expect(deck.slide.locator(".slide-prompt")).not.toBeEmpty();
  }
  await page.keyboard.press("ArrowRight");
  await deck.expectSlide(8, "Agreed next steps");
  await page.keyboard.press("PageUp");
  await deck.expectSlide(7, "Parking lot");
  for (const n of [6, 5]) {
    await page.keyboard.press("ArrowLeft");
    await deck.expectSlide(n, SLIDE_TITLES[n - 2]);
  }
  // The address names the slide: a reload comes back to it.
  await expect(page).toHaveURL(/workshop\?slide=5$/);
  await page.reload();
  await deck.expectSlide(5, "Launch energy");
  await expect(deck.slide).toContainText("Don't just celebrate the launch — secure the next three steps before the energy dips.");

  // A next step, agreed in the room.
  await page.getByLabel("New step").fill("Nordhavn names the two pilot resellers");
  await page.getByLabel("Owned by").selectOption("The partner");
  await page.getByLabel("Owner's name").fill("Lars Holm");
  await page.getByLabel("Due").fill(isoDay(1));
  await page.getByRole("button", { name: "Add step" }).click();
  const added = deck.slide.locator(".slide-step", { hasText: "Nordhavn names the two pilot resellers" });
  await expect(added).toContainText("The partner · Lars Holm");

  // Typing in a field keeps the keys there; Esc leaves the field, not the workshop.
  await page.getByLabel("New step").press("ArrowRight");
  await deck.expectSlide(5, "Launch energy");
  await page.getByLabel("New step").press("Escape");
  await deck.expectSlide(5, "Launch energy");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await deck.expectSlide(7, "Parking lot");
  await page.getByLabel("Park an idea").fill("Norway once Denmark works");
  await page.getByLabel("Park an idea").press("Enter");
  await expect(deck.slide.locator(".text-list")).toContainText("Norway once Denmark works");
  await page.getByLabel("Park an idea").press("Escape");

  // The closing slide: the agreed steps, readiness, and the plan as a file.
  await page.keyboard.press("ArrowRight");
  await deck.expectSlide(8, "Agreed next steps");
  await expect(deck.slide.locator(".agreed-steps li").first()).toContainText("Nordhavn names the two pilot resellers");
  await expect(deck.slide.getByTestId("readiness-score")).toHaveText(/^\d{1,3}%$/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    deck.slide.getByRole("button", { name: "Export plan" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pilotdeck-nordhavn-distribution-a-s-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(file.format).toBe("pilotdeck");
  expect(file.plans).toHaveLength(1);
  expect(file.plans[0].parking_lot).toContain("Norway once Denmark works");
  await expectNothingAbout(deck, othersThan(nordhavn));

  // Esc leaves for the plan page, where both answers are part of the plan.
  await page.keyboard.press("Escape");
  const plan = new PlanPage(page);
  await expect(plan.title).toHaveText(nordhavn.name);
  await expect(page).toHaveURL(/\/plans\/example-distributor-nordhavn$/);
  await expect(page.locator("html")).not.toHaveClass(/theme-projector/);
  await expect(plan.section("Next steps")).toContainText("Nordhavn names the two pilot resellers");
  await expect(plan.section("Parking lot")).toContainText("Norway once Denmark works");
  await page.reload();
  await expect(plan.section("Next steps")).toContainText("Nordhavn names the two pilot resellers");
  await expect(plan.section("Parking lot")).toContainText("Norway once Denmark works");
});

test("the timer counts down per slide, pauses with T and ends without a sound", async ({ page }) => {
  await page.clock.install();
  const deck = await openWorkshop(page, northwind);
  const clock = deck.timer.getByRole("timer");
  await expect(clock).toHaveText("3:00");
  await expect(deck.timer).toContainText("Ready");

  await page.keyboard.press("t");
  await expect(deck.timer).toContainText("Running");
  await page.clock.fastForward("01:00");
  await expect(clock).toHaveText(/^(2:00|1:59)$/);
  await page.keyboard.press("T");
  await expect(deck.timer).toContainText("Paused");
  const paused = await clock.textContent();
  await page.clock.fastForward("00:30");
  await expect(clock).toHaveText(paused!);

  // One more minute for this slide, then past the end: words and a shape, not colour alone.
  await page.getByRole("button", { name: "+1 minute" }).click();
  await expect(deck.timer).toContainText("4 min");
  await page.getByRole("button", { name: "Start timer" }).click();
  await page.clock.fastForward("03:10");
  await expect(deck.timer).toContainText("Time's up");
  await expect(clock).toHaveText(/^\+\d+:\d{2}$/);
  await expect(deck.timer).toHaveClass(/timer-over/);

  // The next slide starts its own timebox, still running.
  await page.keyboard.press("ArrowRight");
  await deck.expectSlide(2, "Foundation");
  await expect(clock).toHaveText(/^(10:00|9:59)$/);
  await expect(deck.timer).toContainText("Running");

  // F shows the deck full screen; the control bar's button says so and leaves it again.
  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
  const button = page.getByRole("button", { name: "Full screen" });
  await page.keyboard.press("f");
  await expect.poll(fullscreen).toBe(true);
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await button.click();
  await expect.poll(fullscreen).toBe(false);
  await expect(button).toHaveAttribute("aria-pressed", "false");
});

test("the control bar keeps its layout when time runs out, and leaving with the timer running leaves nothing behind", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (/disposed/i.test(message.text())) warnings.push(message.text());
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  const deck = await openWorkshop(page, northwind);
  const bar = page.locator(".deck-controls");
  const layout = () =>
    bar.evaluate((el) => [el.getBoundingClientRect().height, ...[...el.querySelectorAll("button")].map((b) => Math.round(b.getBoundingClientRect().left))]);
  const before = await layout();
  await page.keyboard.press("t");
  await expect(deck.timer).toContainText("Running");
  expect(await layout(), "starting moves nothing").toEqual(before);
  await page.clock.fastForward("03:30");
  await expect(deck.timer).toContainText("Time's up");
  expect(await layout(), "time's up moves nothing").toEqual(before);

  // Leave with the timer running; time goes on.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("momentum-score")).toBeVisible();
  await page.clock.fastForward("00:05");
  await page.clock.runFor(2_000);
  expect(warnings).toEqual([]);
});

test("when the browser refuses full screen, the deck says what to do instead and goes on", async ({ page }) => {
  // As a page embedded without permission to go full screen, or a browser set to refuse.
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Permissions check failed"));
  });
  const deck = await openWorkshop(page, northwind);
  const notice = page.locator(".notice").getByRole("status");
  await page.getByRole("button", { name: "Full screen" }).click();
  await expect(notice).toHaveText(/^The browser did not allow full screen here: use its own full-screen command instead/);
  await expect(page.getByRole("button", { name: "Full screen" })).toHaveAttribute("aria-pressed", "false");
  // The notice takes its room from the slide: the control bar stays whole on screen.
  const bar = await page.getByRole("navigation", { name: "Workshop controls" }).boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  expect(bar && bar.y + bar.height).toBeLessThanOrEqual(height);
  // The deck still moves; the page had no unhandled rejection (the fixture fails on page errors).
  await page.keyboard.press("ArrowRight");
  await deck.expectSlide(2, "Foundation");
});

test("the presenter view stays in step with the deck both ways", async ({ page, context }) => {
  const deck = await openWorkshop(page, northwind);
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Open presenter view" }).click(),
  ]);
  const popupProblems = watchPage(popup);
  const presenter = new WorkshopWindow(popup);
  await expect(popup).toHaveURL(/\/plans\/example-telco-northwind\/workshop\/presenter$/);
  await presenter.expectSlide(1, northwind.name);
  await expect(popup.getByTestId("presenter-notes")).toContainText("The trap to avoid");
  await expect(popup.getByTestId("next-slide")).toContainText("Foundation");
  expect(context.pages()).toHaveLength(2);

  // A slide change in either window moves the other.
  await page.keyboard.press("ArrowRight");
  await presenter.expectSlide(2, "Foundation");
  await expect(popup.getByTestId("next-slide")).toContainText("Timing");
  // The presenter's smaller slide shows the whole objective: its field grows instead of
  // scrolling (at 1440×900 the slide shares the window with the notes).
  await popup.setViewportSize({ width: 1440, height: 900 });
  const objective = popup.getByLabel("Shared objective");
  await expect(objective).toHaveValue(/ in Q1\.$/);
  await expect.poll(() => objective.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  await popup.getByRole("button", { name: "Next slide" }).click();
  await deck.expectSlide(3, "Timing");
  await presenter.expectSlide(3, "Timing");
  await popup.keyboard.press("ArrowRight");
  await deck.expectSlide(4, "Start small");
  await popup.keyboard.press("ArrowLeft");
  await deck.expectSlide(3, "Timing");

  // An edit in either window shows in the other as it is typed.
  const priority = "Win back SMB churn before the spring price rise";
  await popup.getByLabel("What's top-of-mind for their leadership this quarter?").fill(priority);
  await expect(page.getByLabel("What's top-of-mind for their leadership this quarter?")).toHaveValue(priority);
  const fit = "The bundle gives salons a reason to stay on Business Flex";
  await page.getByLabel("How does this partnership fit into that picture?").fill(fit);
  await expect(popup.getByLabel("How does this partnership fit into that picture?")).toHaveValue(fit);

  // The timer too.
  await page.getByLabel("How does this partnership fit into that picture?").press("Escape");
  await page.keyboard.press("t");
  await expect(presenter.timer).toContainText("Running");
  await popup.getByRole("button", { name: "Pause timer" }).click();
  await expect(deck.timer).toContainText("Paused");

  // Neither window shows anything about another plan.
  await expectNothingAbout(deck, othersThan(northwind));
  await expectNothingAbout(presenter, othersThan(northwind));

  // What is internal stays off the shared screen, on every slide; the presenter has our notes.
  const internal = [northwind.partner.notes, ...northwind.log.filter((e) => e.internal).map((e) => e.text)];
  expect(internal.length).toBeGreaterThan(1);
  await expect(popup.getByTestId("presenter-internal")).toContainText(northwind.partner.notes);
  await page.keyboard.press("Home");
  await deck.expectSlide(1, northwind.name);
  for (let slide = 1; slide <= SLIDE_TITLES.length + 1; slide++) {
    if (slide > 1) await deck.expectSlide(slide, SLIDE_TITLES[slide - 2]);
    const shown = await deck.visibleText();
    for (const text of internal) expect(shown, `slide ${slide} shows no internal text`).not.toContain(text.slice(0, 40));
    if (slide <= SLIDE_TITLES.length) await page.keyboard.press("ArrowRight");
  }

  // Both edits are in the plan after the workshop.
  const label = popup.locator(".presenter-label");
  await expect(label).toContainText("on the shared screen now");
  await page.keyboard.press("Escape");
  const plan = new PlanPage(page);
  await expect(plan.section("Timing")).toContainText(priority);
  await expect(plan.section("Timing")).toContainText(fit);
  // The presenter view no longer claims a slide is on the shared screen.
  await expect(label).toContainText("the shared screen has left workshop mode");
  expect(popupProblems).toEqual([]);
});

test("every slide passes axe in the projector theme at 1920×1080, with type readable across a room", async ({ page, checkAccessibility }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const deck = await openWorkshop(page, northwind);
  mkdirSync("target/workshop", { recursive: true });
  for (let n = 1; n <= SLIDE_TITLES.length + 1; n++) {
    if (n > 1) {
      await page.keyboard.press("ArrowRight");
      await deck.expectSlide(n, SLIDE_TITLES[n - 2]);
    }
    await checkAccessibility();
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      let smallest = Infinity;
      let where = "";
      for (const el of document.querySelectorAll(".deck *")) {
        if (el.closest(".visually-hidden") || (el as HTMLElement).offsetParent === null) continue;
        const text = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
        const field = ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
        if ((text || field) && px(el) < smallest) {
          smallest = px(el);
          where = `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`;
        }
      }
      const fields = [...document.querySelectorAll(".slide input:not([type=radio]):not([type=checkbox]), .slide textarea")].map(px);
      return {
        smallest,
        where,
        body: px(document.body),
        prompt: px(document.querySelector(".slide-prompt")!),
        fields: fields.length ? Math.min(...fields) : 28,
      };
    });
    expect(sizes.smallest, `nothing under 20 px (${sizes.where})`).toBeGreaterThanOrEqual(20);
    expect(sizes.body).toBeGreaterThanOrEqual(28);
    expect(sizes.prompt).toBeGreaterThanOrEqual(28);
    expect(sizes.fields).toBeGreaterThanOrEqual(28);
    // The whole slide is on the screen at once: nothing scrolls inside it, even with the
    // plan's three key results on the Foundation slide.
    const overflow = await page.locator(".slide").evaluate((slide) => slide.scrollHeight - slide.clientHeight);
    expect(overflow, `slide ${n} fits 1920×1080 without scrolling`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `target/workshop/slide-${n}.png` });
  }

  // The presenter view is checked too.
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Open presenter view" }).click(),
  ]);
  await popup.setViewportSize({ width: 1920, height: 1080 });
  await new WorkshopWindow(popup).expectSlide(8, "Agreed next steps");
  await checkAccessibility(popup);
  await popup.screenshot({ path: "target/workshop/presenter.png" });
});

test("on a 1280×800 or 1024×768 projector every slide is whole and its type scaled like the 1920×1080 deck", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const deck = await openWorkshop(page, northwind);
  const measure = () =>
    page.evaluate(() => {
      const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      const slide = document.querySelector(".slide")!;
      const controls = [...document.querySelectorAll(".deck-controls > *")].map((c) => c.getBoundingClientRect());
      return {
        body: px("body"),
        prompt: px(".slide-prompt"),
        overflow: slide.scrollHeight - slide.clientHeight,
        pageOverflow: document.documentElement.scrollHeight - innerHeight,
        // Every group of the control bar starts on the same line.
        rows: new Set(controls.map((r) => Math.round(r.top + r.height / 2) >> 3)).size,
      };
    });
  const full = await measure();
  expect(full.body).toBeGreaterThanOrEqual(28);

  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto(`/plans/${northwind.id}/workshop`);
    await deck.expectSlide(1, northwind.name);
    // Type keeps its share of the screen: two thirds of the 1920×1080 sizes at 1280 px wide;
    // it stops shrinking at a 10 px rem (five eighths), so 1024 px wide is a little larger.
    const scale = Math.max(Math.min(width / 1920, height / 1080), 10 / 16);
    for (let n = 1; n <= SLIDE_TITLES.length + 1; n++) {
      if (n > 1) {
        await page.keyboard.press("ArrowRight");
        await deck.expectSlide(n, SLIDE_TITLES[n - 2]);
      }
      const sizes = await measure();
      expect(sizes.body, `slide ${n} at ${width}×${height}: body type`).toBeCloseTo(full.body * scale, 0);
      expect(sizes.prompt, `slide ${n} at ${width}×${height}: prompt type`).toBeCloseTo(full.prompt * scale, 0);
      expect(sizes.overflow, `slide ${n} fits ${width}×${height} without scrolling`).toBeLessThanOrEqual(1);
      expect(sizes.pageOverflow, `the page does not scroll at ${width}×${height}`).toBeLessThanOrEqual(0);
      // At 1024 px wide the control bar takes two lines, and the slide still fits above it.
      expect(sizes.rows, `the control bar's lines at ${width}×${height}`).toBe(width >= 1280 ? 1 : 2);
    }
    await page.screenshot({ path: `target/workshop/slide-8-${width}x${height}.png` });
  }
});

test("every example plan's deck fits a 1920×1080 and a 1280×800 screen without scrolling", async ({ page }) => {
  // 10 plans, 9 slides each, two screen sizes: about 24 s on a 2-core machine, more when busy.
  test.slow();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWorkshop(page, northwind);
  const overflow = () =>
    page.locator(".slide").evaluate((slide) => slide.scrollHeight - slide.clientHeight);
  for (const plan of example.plans) {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/plans/${plan.id}/workshop`);
    const deck = new WorkshopWindow(page);
    await deck.expectSlide(1, plan.name);
    for (let n = 1; n <= SLIDE_TITLES.length + 1; n++) {
      if (n > 1) {
        await page.keyboard.press("ArrowRight");
        await deck.expectSlide(n, SLIDE_TITLES[n - 2]);
      }
      for (const [width, height] of [
        [1920, 1080],
        [1280, 800],
      ]) {
        await page.setViewportSize({ width, height });
        expect(await overflow(), `${plan.name}, slide ${n}, at ${width}×${height}`).toBeLessThanOrEqual(1);
        // Every answer is read in full on the shared screen: no text cut at a line's end or
        // hidden behind a text area's own scroll bar (a long sponsor's title wraps instead).
        const cut = await page.locator(".slide").evaluate((slide) =>
          [...slide.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[type=text], textarea")]
            .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
            .map((el) => `#${el.id}`),
        );
        expect(cut, `${plan.name}, slide ${n}, at ${width}×${height}: fields showing part of their text`).toEqual([]);
      }
    }
  }
});

test("on a phone every slide fits the screen's width, and only the slide scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const deck = await openWorkshop(page, northwind);
  for (let n = 1; n <= SLIDE_TITLES.length + 1; n++) {
    if (n > 1) {
      await page.getByRole("button", { name: /Next slide/ }).click();
      await deck.expectSlide(n, SLIDE_TITLES[n - 2]);
    }
    const sizes = await page.evaluate(() => {
      const root = document.documentElement;
      const controls = document.querySelector(".deck-controls")!.getBoundingClientRect();
      const widest = Math.max(...[...document.querySelectorAll("body *")].map((el) => el.getBoundingClientRect().right));
      return {
        sideways: root.scrollWidth - root.clientWidth,
        down: root.scrollHeight - root.clientHeight,
        widest: widest - root.clientWidth,
        controlsBottom: controls.bottom - root.clientHeight,
      };
    });
    expect(sizes.sideways, `slide ${n}: the page does not scroll sideways`).toBeLessThanOrEqual(0);
    expect(sizes.widest, `slide ${n}: nothing reaches past the right edge`).toBeLessThanOrEqual(1);
    expect(sizes.down, `slide ${n}: the page itself does not scroll`).toBeLessThanOrEqual(0);
    expect(sizes.controlsBottom, `slide ${n}: the control bar is on screen`).toBeLessThanOrEqual(0);
    if (n === 2) await page.screenshot({ path: "target/workshop/phone-foundation.png" });
  }
});

test("a workshop's worth of parked ideas stays on one slide with the field for the next", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkshop(page, northwind);
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  const deck = new WorkshopWindow(page);
  await deck.expectSlide(SLIDE_TITLES.length, "Parking lot");
  const field = page.getByLabel("Park an idea");
  const before = await page.locator(".slide .text-list li").count();
  for (let i = before + 1; i <= 15; i++) {
    await field.fill(`Idea ${i}: a second region once the first one works`);
    await field.press("Enter");
    await expect(page.locator(".slide .text-list li")).toHaveCount(i);
  }
  const overflow = await page.locator(".slide").evaluate((slide) => slide.scrollHeight - slide.clientHeight);
  expect(overflow, "fifteen ideas and the field fit the slide").toBeLessThanOrEqual(1);
  await expect(field).toBeInViewport({ ratio: 1 });
});
