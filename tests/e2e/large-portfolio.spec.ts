// Journey: a head of partnerships with hundreds of plans opens the portfolio: it opens quickly
// with the first page of cards, and the rest are a click away.
import { test, expect } from "./fixtures/test";
import type { Page } from "@playwright/test";
import { PortfolioPage } from "./fixtures/pages";
import { seedScript, storedPlans } from "./fixtures/seed.mjs";

const count = 150;

/**
 * Clicks the "Show N more" button below the cards. It is scrolled to first: cards coming into
 * view are laid out only then (`content-visibility: auto`), which can move the button, and
 * `click()` then waits until it stands still. Scrolled and clicked in one step, on a busy
 * machine the button could move between the press and the release, and the click was lost.
 */
async function showMore(page: Page, label: string) {
  const button = page.getByRole("button", { name: label, exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

test("a long portfolio shows a page of cards at a time", async ({ page, checkAccessibility }) => {
  const { entries, ids } = storedPlans(count, "many");
  await page.addInitScript(seedScript, entries);

  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(page.getByText(`${count} plans`)).toBeVisible();
  await expect(portfolio.cards).toHaveCount(24);
  await expect(page.getByText("126 not shown yet")).toBeVisible();
  await checkAccessibility();

  await showMore(page, "Show 48 more");
  await expect(portfolio.cards).toHaveCount(72);
  await showMore(page, "Show 48 more");
  await expect(portfolio.cards).toHaveCount(120);
  await showMore(page, "Show 30 more");
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

test("the app marks itself ready after its first render, ahead of the work put off until then", async ({ page }) => {
  const { entries } = storedPlans(count, "many");
  await page.addInitScript(seedScript, entries);
  // When the app registers its service worker and asks for persistent storage: both wait for
  // the first frame, and neither belongs in the time to that frame.
  await page.addInitScript(() => {
    const calls: Record<string, number> = {};
    (window as unknown as { __pilotdeckCalls: Record<string, number> }).__pilotdeckCalls = calls;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      calls.register ??= performance.now();
      return register.apply(this, args);
    };
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      calls.persist ??= performance.now();
      return persist.call(this);
    };
  });

  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(portfolio.cards).toHaveCount(24);
  await expect
    .poll(() => page.evaluate(() => Object.keys((window as unknown as { __pilotdeckCalls: object }).__pilotdeckCalls).sort()))
    .toEqual(["persist", "register"]);
  const times = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const score = performance.getEntriesByName("pilotdeck:score")[0] as PerformanceMeasure | undefined;
    return {
      start: at("pilotdeck:start"),
      mounted: at("pilotdeck:mounted"),
      loaded: at("pilotdeck:loaded"),
      scored: score ? score.startTime + score.duration : NaN,
      ready: at("pilotdeck:ready"),
      ...(window as unknown as { __pilotdeckCalls: { register: number; persist: number } }).__pilotdeckCalls,
    };
  });
  expect(times.start).toBeLessThanOrEqual(times.mounted);
  expect(times.mounted).toBeLessThan(times.loaded);
  expect(times.loaded).toBeLessThan(times.scored);
  expect(times.scored).toBeLessThan(times.ready);
  expect(times.ready).toBeLessThanOrEqual(times.register);
  expect(times.ready).toBeLessThanOrEqual(times.persist);
});
