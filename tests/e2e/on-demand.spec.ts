// Journey: someone opens Pilotdeck for the first time on a slow connection. The empty portfolio
// works with the main module alone; the other modules (src/ui/screens.rs, cut by
// scripts/split.mjs) — the portfolio's plans, a plan's screens, the other screens — arrive in
// the first idle moment after it, so that opening one later does not wait; one opened sooner
// says it is opening, and one that cannot be fetched says so and opens on "Try again". After
// that visit, every screen opens with no network. A later visit with plans fetches the plans'
// module as the page starts, and the app draws them in its first render.
import { test, expect, watchPage } from "./fixtures/test";
import { Importer, PortfolioPage, PlanPage, WizardPage, WorkshopWindow } from "./fixtures/pages";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page, Route } from "@playwright/test";

/** The screens' modules, by the names scripts/split.mjs gives them, in the order they are
 * fetched in idle time (the sync engine's between the plan's and the others'). */
const SCREENS = ["portfolio", "plan", "other"];
const screenOf = (url: string) => /\/pilotdeck-([a-z_]+)-[0-9a-f]{16}\.wasm$/.exec(url)?.[1];
/** Any module fetched on demand: a screen's, or a chunk several screens share. */
const ON_DEMAND = /\/pilotdeck-[a-z_0-9]+-[0-9a-f]{16}\.wasm$/;

/** Holds back every module fetched on demand (or only those `held` matches) until
 * `release()`; lists every module asked for. */
async function holdModules(context: BrowserContext, held: RegExp = ON_DEMAND) {
  const asked: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(ON_DEMAND, async (route: Route) => {
    const url = route.request().url();
    asked.push(url);
    if (held.test(url)) await released;
    await route.continue();
  });
  return { asked, release };
}

/**
 * A context of its own in which the other screens' module cannot be fetched until `reach()`:
 * the failed fetches are logged to the console on purpose, which the shared fixture counts as
 * failures, so `close()` checks that each message is such a failure instead.
 */
async function withoutOtherScreens(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  const problems = watchPage(page);
  let reachable = false;
  await context.route(/\/pilotdeck-other-[0-9a-f]{16}\.wasm$/, (route) => (reachable ? route.continue() : route.abort()));
  return {
    page,
    problems,
    reach: () => {
      reachable = true;
    },
    close: async () => {
      for (const problem of problems) {
        expect(problem).toMatch(/^console error: (Failed to load resource: net::ERR_FAILED|TypeError: Failed to fetch)/);
      }
      await context.close();
    },
  };
}

/** The example portfolio's file, as a person would choose it to import. */
const exampleFile = () => ({
  name: "portfolio.json",
  mimeType: "application/json",
  buffer: readFileSync("public/examples/portfolio.json"),
});

/** The portfolio opened, with the nine example plans added and saved. */
async function withExamples(page: Page) {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);
  return portfolio;
}

/** Whether a "screen-loading" element has been in the page since this was called. */
async function watchForLoading(page: Page) {
  await page.evaluate(() => {
    const seen = { loading: false };
    (window as unknown as { pilotdeckSeen: typeof seen }).pilotdeckSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="screen-loading"]')) seen.loading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { pilotdeckSeen: { loading: boolean } }).pilotdeckSeen.loading);
}

test.describe("without the offline copy", () => {
  // Only the page's own requests are seen: the service worker would fetch every file too.
  test.use({ serviceWorkers: "block" });

  test("a first visit works with the main module alone, and the other screens arrive in idle time", async ({
    page,
    context,
  }) => {
    const { asked, release } = await holdModules(context);
    const portfolio = new PortfolioPage(page);
    await portfolio.open();
    // Every on-demand module is held back, and the empty portfolio is whole: what Pilotdeck is
    // for, and the ways to begin.
    await expect(page.getByRole("heading", { level: 2, name: "Launch partner pilots that don't die quietly" })).toBeVisible();
    await expect(portfolio.startPilot).toBeEnabled();
    await expect(page.getByLabel("Import plans")).toBeEnabled();
    // Idle, the app has started fetching the likeliest module, the portfolio's plans, and
    // nothing the empty portfolio needed waited for it.
    await expect.poll(() => asked.map(screenOf)).toContain("portfolio");
    expect(asked.map(screenOf).filter(Boolean)[0]).toBe("portfolio");
    // The example portfolio asked for meanwhile: the button says it is loading until the code
    // that reads the file has arrived (with the other screens' module), then the plans are in.
    await portfolio.loadExample.click();
    await expect(page.getByRole("button", { name: "Loading example portfolio…" })).toBeDisabled();
    await expect(portfolio.notice).toHaveCount(0);

    release();
    await expect(portfolio.notice.filter({ hasText: "Added 9 example plans." })).toBeVisible();
    await expect(portfolio.cards).toHaveCount(9);
    await expect(portfolio.loadExample).toBeEnabled();
    await expect(portfolio.heading).toBeVisible();
    await page.getByLabel("Search", { exact: true }).fill("Northwind");
    await expect(portfolio.cards).toHaveCount(1);
    await page.getByLabel("Search", { exact: true }).fill("");
    // Then every module, one after the other.
    await expect.poll(() => SCREENS.filter((screen) => asked.some((url) => screenOf(url) === screen))).toEqual(SCREENS);

    // A navigation now does not wait: no "Opening…", the wizard at once with the keyboard in
    // its first field, and the plan page the same.
    const sawLoading = await watchForLoading(page);
    await page.getByRole("link", { name: "New pilot" }).click();
    await new WizardPage(page).expectStep("Partner");
    await expect(page.getByLabel("Partner name")).toBeFocused();
    await page.getByRole("link", { name: "Plans" }).click();
    await portfolio.openPlan("Northwind Mobile — Business Flex booking bundle");
    await expect(new PlanPage(page).title).toHaveText("Northwind Mobile — Business Flex booking bundle");
    expect(await sawLoading()).toBe(false);
  });

  test("example plans added before the cards' module has arrived are kept at once, and their cards follow", async ({
    page,
    context,
  }) => {
    const { release } = await holdModules(context, /\/pilotdeck-portfolio-[0-9a-f]{16}\.wasm$/);
    const portfolio = new PortfolioPage(page);
    await portfolio.open();
    await portfolio.loadExample.click();
    await expect(portfolio.notice.filter({ hasText: "Added 9 example plans." })).toBeVisible();
    await portfolio.waitForSaved(9);
    await expect(page.getByTestId("screen-loading")).toHaveText("Opening…");
    release();
    await expect(portfolio.cards).toHaveCount(9);
    await expect(page.getByTestId("screen-loading")).toHaveCount(0);
  });

  test("a visit with plans stored compiles the portfolio's plans while the main module downloads", async ({
    page,
    context,
  }) => {
    const portfolio = await withExamples(page);
    const { asked, release } = await holdModules(context);
    // Held back, the module has been asked for before any frame could be idle. The app waits
    // for it a second at most, with the page's own "Opening Pilotdeck…"; then its first screen
    // is "Opening…" while the module is on its way, and the plans when it arrives.
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Opening Pilotdeck…" })).toBeVisible();
    await expect(page.getByTestId("screen-loading")).toHaveText("Opening…");
    await expect(page.getByText("Opening Pilotdeck…")).toHaveCount(0);
    expect(asked.map(screenOf)).toContain("portfolio");
    release();
    await expect(portfolio.heading).toBeVisible();
    await expect(portfolio.cards).toHaveCount(9);
    await expect(page.getByTestId("screen-loading")).toHaveCount(0);
    // Asked for by the page while the main module was on its way, before the app started
    // ("pilotdeck:start"), and only then: compiled early (scripts/split.mjs), and the loader
    // took what the page had compiled instead of fetching it again.
    const when = await page.evaluate(() => ({
      asked: performance
        .getEntriesByType("resource")
        .filter((entry) => /\/pilotdeck-portfolio-[0-9a-f]{16}\.wasm$/.test(entry.name))
        .map((entry) => entry.startTime),
      started: performance.getEntriesByName("pilotdeck:start")[0]?.startTime,
      left: Object.keys((window as unknown as { pilotdeckEarly?: object }).pilotdeckEarly ?? { missing: true }),
    }));
    expect(when.asked).toHaveLength(1);
    expect(when.started).toBeDefined();
    expect(when.asked[0]).toBeLessThan(when.started!);
    expect(when.left).toEqual([]);
    // The page's script that asks for it comes before the style sheet: a script after a sheet
    // waits for the sheet to arrive before it runs.
    const order = await page.evaluate(() => {
      const early = [...document.scripts].find((script) => script.text.includes("pilotdeckEarly"));
      const sheet = document.querySelector('link[rel="stylesheet"]');
      return early && sheet ? early.compareDocumentPosition(sheet) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    expect(order, "the early compile's script is before the style sheet's link").toBeGreaterThan(0);
  });

  test("a visit with plans draws them in the app's first render, with no Opening… in between", async ({
    page,
    context,
  }) => {
    const portfolio = await withExamples(page);
    // Watched from before the page's first script: anything standing in for the plans, even
    // for a moment (it is drawn at once, and shown after 200 ms).
    await context.addInitScript(() => {
      const seen = { loading: false };
      (window as unknown as { pilotdeckSeen: typeof seen }).pilotdeckSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="screen-loading"]')) seen.loading = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(portfolio.cards).toHaveCount(9);
    await expect(portfolio.heading).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pilotdeckSeen: { loading: boolean } }).pilotdeckSeen)).toEqual({
      loading: false,
    });
  });

  test("a portfolio module the page could not compile early is fetched again when the app asks", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
    const page = await context.newPage();
    const problems = watchPage(page);
    const portfolio = await withExamples(page);
    // The page's early fetch fails; the app's own, later, succeeds.
    let refused = 0;
    await context.route(/\/pilotdeck-portfolio-[0-9a-f]{16}\.wasm$/, (route) =>
      refused++ === 0 ? route.abort() : route.continue(),
    );
    await page.reload();
    await expect(portfolio.cards).toHaveCount(9);
    expect(refused).toBe(2);
    for (const problem of problems) {
      expect(problem).toMatch(/^console error: Failed to load resource: net::ERR_FAILED/);
    }
    await context.close();
  });

  test("a screen opened before its module has arrived says it is opening, then takes the keyboard", async ({
    page,
    context,
    checkAccessibility,
  }) => {
    const { release } = await holdModules(context);
    await new PortfolioPage(page).open();
    await page.getByRole("link", { name: "New pilot" }).click();
    await expect(page).toHaveURL(/\/new$/);
    const loading = page.getByTestId("screen-loading");
    await expect(loading).toBeVisible();
    await expect(loading).toHaveText("Opening…");
    await expect(loading).toHaveAttribute("role", "status");
    await expect(page.getByRole("heading", { level: 1, name: "Opening…" })).toBeVisible();
    await checkAccessibility();

    release();
    await new WizardPage(page).expectStep("Partner");
    await expect(loading).toHaveCount(0);
    await expect(page.getByLabel("Partner name")).toBeFocused();
    await page.keyboard.type("Orbit Payments");
    await expect(page.getByLabel("Partner name")).toHaveValue("Orbit Payments");
  });

  test("a workshop opened before its module has arrived is in the projector theme from the start", async ({
    page,
    context,
  }) => {
    await withExamples(page);
    const { release } = await holdModules(context);
    await page.goto("/plans/example-telco-northwind/workshop");
    await expect(page.getByTestId("screen-loading")).toHaveText("Opening…");
    await expect(page.locator("html")).toHaveClass(/theme-projector/);
    release();
    await new WorkshopWindow(page).expectSlide(1, "Northwind Mobile — Business Flex booking bundle");
    await expect(page.locator("html")).toHaveClass(/theme-projector/);
    await page.getByRole("button", { name: "Leave workshop" }).click();
    await expect(page.locator("html")).not.toHaveClass(/theme-projector/);
  });

  test("a file chosen before the import's module has arrived: Reading…, then its preview", async ({ page, context }) => {
    const { release } = await holdModules(context);
    const portfolio = new PortfolioPage(page);
    await portfolio.open();
    const importer = new Importer(page);
    await importer.choose(exampleFile());
    // The file is read with the import's module (src/ui/screens.rs): until it has arrived the
    // portfolio says so, and stays the screen, with its one heading.
    const reading = page.getByRole("status").filter({ hasText: "Reading portfolio.json…" });
    await expect(reading).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
    release();
    await expect(importer.dialog).toBeVisible();
    await expect(reading).toHaveCount(0);
    await importer.confirm.click();
    await expect(portfolio.cards).toHaveCount(9);
  });

  test("a screen whose module cannot be fetched says so, and opens on Try again", async ({ browser, baseURL }) => {
    const { page, problems, reach, close } = await withoutOtherScreens(browser, baseURL);

    await new PortfolioPage(page).open();
    await page.getByRole("link", { name: "Settings" }).click();
    const unavailable = page.getByTestId("screen-unavailable");
    await expect(unavailable.getByRole("heading", { level: 1 })).toHaveText("This screen could not be loaded");
    await expect(unavailable.getByRole("alert")).toContainText("Your plans are safe; try again once you are online.");
    // The rest of the app goes on: the portfolio opens, and so does another screen.
    await page.getByRole("link", { name: "New pilot" }).click();
    await new WizardPage(page).expectStep("Partner");

    reach();
    await page.getByRole("link", { name: "Settings" }).click();
    // The earlier failure is not kept: a new visit to the screen fetches it again, and so does
    // "Try again" on a screen that failed while the device was offline.
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    expect(problems.length).toBeGreaterThan(0);
    await close();
  });

  test("the examples and a file need the import's module: without it they say so, and work once it comes", async ({
    browser,
    baseURL,
  }) => {
    const { page, reach, close } = await withoutOtherScreens(browser, baseURL);

    const portfolio = new PortfolioPage(page);
    await portfolio.open();
    await portfolio.loadExample.click();
    await expect(portfolio.notice).toContainText(
      "The example portfolio could not be loaded: the part of Pilotdeck that reads files is not on this device yet, and the server did not answer.",
    );
    await expect(portfolio.loadExample).toBeEnabled();
    await expect(page.getByRole("heading", { level: 2, name: "Launch partner pilots that don't die quietly" })).toBeVisible();

    const importer = new Importer(page);
    await importer.choose(exampleFile());
    const unavailable = page
      .getByRole("alert")
      .filter({ has: page.getByRole("heading", { name: "portfolio.json could not be read yet" }) });
    await expect(unavailable).toContainText("The part of Pilotdeck that reads files is not on this device yet");
    await expect(unavailable).toContainText("Nothing in your plans was changed");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio");
    await unavailable.getByRole("button", { name: "Close" }).click();
    await expect(unavailable).toHaveCount(0);
    await importer.choose(exampleFile());
    await expect(unavailable).toBeVisible();
    // The file chosen is kept: "Try again" reads it, once the module can be fetched.
    reach();
    await unavailable.getByRole("button", { name: "Try again" }).click();
    await expect(importer.dialog).toBeVisible();
    await expect(unavailable).toHaveCount(0);
    await importer.confirm.click();
    await expect(portfolio.cards).toHaveCount(9);
    await close();
  });

  test("Try again opens a screen that could not be fetched, once it can be", async ({ browser, baseURL }) => {
    const { page, reach, close } = await withoutOtherScreens(browser, baseURL);

    await page.goto("/report");
    const unavailable = page.getByTestId("screen-unavailable");
    await expect(unavailable).toBeVisible();
    reach();
    await unavailable.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio report" })).toBeVisible();
    await expect(unavailable).toHaveCount(0);
    await close();
  });
});

test("after one visit every screen opens with no network", async ({ page, context }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);

  await context.setOffline(true);
  await page.reload();
  await expect(portfolio.heading).toBeVisible();
  const northwind = "Northwind Mobile — Business Flex booking bundle";
  await portfolio.openPlan(northwind);
  await expect(new PlanPage(page).title).toHaveText(northwind);
  await page.getByRole("button", { name: "Workshop mode" }).click();
  await new WorkshopWindow(page).expectSlide(1, northwind);
  await page.getByRole("button", { name: "Leave workshop" }).click();
  await expect(new PlanPage(page).title).toHaveText(northwind);
  await page.getByRole("link", { name: "New pilot" }).click();
  await new WizardPage(page).expectStep("Partner");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.goto("/report");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio report" })).toBeVisible();
  await context.setOffline(false);
});
