// Journey: a partnership leader opens Pilotdeck for the first time, loads the example portfolio,
// opens a plan, and finds everything still there after reloading.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import { readFileSync } from "node:fs";
import { bareCss } from "../../scripts/bare-css.mjs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as {
  plans: { id: string; name: string; stage: string; partner: { kind: string } }[];
};

test("first visit: empty state, example portfolio, a plan, and reloads keep it all", async ({
  page,
  checkAccessibility,
}) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  // The empty state explains the tool and offers the two starts.
  await expect(page.getByText("Launch partner pilots that don't die quietly")).toBeVisible();
  await expect(portfolio.startPilot).toBeVisible();
  await expect(portfolio.loadExample).toBeVisible();
  await expect(portfolio.cards).toHaveCount(0);
  await checkAccessibility();

  // Loading the example adds one card per example plan, each with its name and stage.
  const added = await portfolio.loadExamplePortfolio();
  expect(added).toBe(example.plans.length);
  await expect(portfolio.cards).toHaveCount(example.plans.length);
  const cards = await portfolio.summary();
  expect(cards.map((c) => c.id).sort()).toEqual(example.plans.map((p) => p.id).sort());
  for (const plan of example.plans) {
    const card = portfolio.card(plan.name);
    await expect(card).toHaveAttribute("data-plan-id", plan.id);
    const stage = plan.stage[0].toUpperCase() + plan.stage.slice(1);
    await expect(card.getByTestId("plan-stage")).toHaveText(stage);
    if (["live", "reviewing", "scaling"].includes(plan.stage)) {
      await expect(card.getByTestId("momentum-score")).toBeVisible();
      await expect(card.getByTestId("momentum-band")).toBeVisible();
    } else if (plan.stage === "stopped") {
      await expect(card.getByTestId("momentum-score")).toHaveCount(0);
      await expect(card.getByTestId("readiness-score")).toHaveCount(0);
    } else {
      await expect(card.getByTestId("readiness-score")).toHaveText(/^\d{1,3}%$/);
    }
  }
  await checkAccessibility();

  // Opening a card shows the plan at its own address, with every section.
  const live = example.plans.find((p) => p.stage === "live")!;
  await portfolio.card(live.name).click();
  await expect(page).toHaveURL(`/plans/${live.id}`);
  const plan = new PlanPage(page);
  await expect(plan.title).toHaveText(live.name);
  for (const section of ["Partner", "Timing", "Fastest joint win", "Foundation", "Next steps", "History"]) {
    await expect(plan.section(section)).toBeVisible();
  }
  await checkAccessibility();

  // Back and forward move between the portfolio and the plan.
  await page.goBack();
  await expect(portfolio.heading).toBeVisible();
  await expect(page).toHaveURL("/");
  await page.goForward();
  await expect(plan.title).toHaveText(live.name);
  await expect(page).toHaveTitle(`${live.name} · Pilotdeck`);

  // A reload on the deep link shows the same plan.
  await page.reload();
  await expect(plan.title).toHaveText(live.name);
  await expect(plan.section("Partner")).toContainText(live.name.split(" ")[0]);

  // Back on the portfolio, a reload keeps every plan in the same order.
  await page.getByRole("link", { name: "Portfolio" }).click();
  await expect(portfolio.heading).toBeVisible();
  await expect(portfolio.cards).toHaveCount(example.plans.length);
  await page.reload();
  await expect(portfolio.cards).toHaveCount(example.plans.length);
  expect(await portfolio.summary()).toEqual(cards);
  // Not even a warning in the console along the way (such as one about the wasm's preload).
  expect(warnings).toEqual([]);
});

test("loading the example twice adds nothing the second time", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();
  await portfolio.loadExample.click();
  await expect(portfolio.notice).toHaveText("The example plans are already here.");
  await expect(portfolio.cards).toHaveCount(example.plans.length);
});

test("an unknown address says so and leads back to the portfolio", async ({ page, checkAccessibility }) => {
  await page.goto("/plans/no-such-plan");
  await expect(page.getByRole("heading", { level: 1, name: "Plan not found" })).toBeVisible();
  await checkAccessibility();
  await page.goto("/nowhere");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the portfolio" }).click();
  await expect(new PortfolioPage(page).heading).toBeVisible();
});

test("on a slow first visit, a loading page shows at once and gives way to the app", async ({ page }) => {
  // Hold the WebAssembly back, as a slow network would, until the loading page has been seen.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*_bg.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "Opening Pilotdeck…" })).toBeVisible();
  await expect(page.locator("header .brand")).toHaveText("◆Pilotdeck");
  await expect(page.getByRole("button", { name: "Start a pilot" })).toHaveCount(0);

  release();
  await expect(page.getByRole("button", { name: "Start a pilot" }).first()).toBeVisible();
  await expect(page.getByText("Opening Pilotdeck…")).toHaveCount(0);
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("header.app-header")).toHaveCount(1);
});

test("the page's styles come in one request, every style sheet of style/ in its order", async ({ page, request }) => {
  const styleRequests: string[] = [];
  page.on("request", (asked) => {
    if (asked.resourceType() === "stylesheet") styleRequests.push(new URL(asked.url()).pathname);
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  // scripts/styles.mjs joins Trunk's five sheets after each build: one link, one request.
  expect(styleRequests).toHaveLength(1);
  expect(styleRequests[0]).toMatch(/^\/pilotdeck-[0-9a-f]{16}\.css$/);
  const sheets = await page.evaluate(() =>
    [...document.styleSheets].map((sheet) => ({
      href: sheet.href,
      print: [...sheet.cssRules].some((rule) => rule instanceof CSSMediaRule && rule.conditionText === "print"),
    })),
  );
  expect(sheets).toHaveLength(1);
  expect(sheets[0].print, "the print sheet's rules are in it").toBe(true);

  // Each source file's rules are there whole, in the order index.html lists them, without the
  // comments and indentation (scripts/bare-css.mjs).
  const joined = await (await request.get(styleRequests[0])).text();
  expect(joined).not.toContain("/*");
  const at = ["tokens", "base", "components", "themes", "print"].map((name) => {
    const source = bareCss(readFileSync(`style/${name}.css`, "utf8")).trim();
    return joined.indexOf(source);
  });
  expect(at.every((position) => position >= 0), "every sheet is in the joined file").toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);

  // And they apply: base.css lays the header out with a spacing token from tokens.css.
  const header = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector("header.app-header")!);
    return { display: style.display, gap: style.columnGap };
  });
  expect(header).toEqual({ display: "flex", gap: expect.stringMatching(/^[1-9]\d*(\.\d+)?px$/) });
});

test("the wasm is asked for once, and compiled while it downloads", async ({ page }) => {
  const wasmRequests: string[] = [];
  page.on("request", (asked) => {
    if (asked.url().endsWith("_bg.wasm")) wasmRequests.push(asked.url());
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  // scripts/early-wasm.mjs hands the preloaded response to compileStreaming, and the bootstrap
  // instantiates the module it compiled: one request, and no second compile.
  expect(wasmRequests).toHaveLength(1);
  const early = await page.evaluate(async () => {
    const compiled = await (window as unknown as { pilotdeckWasm?: Promise<unknown> }).pilotdeckWasm;
    return compiled instanceof WebAssembly.Module;
  });
  expect(early, "the early compile gave the module the app runs").toBe(true);
});

test("the split loader is asked for by the page, with the glue, and fetched once", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (asked) => {
    if (asked.url().endsWith(".js")) scripts.push(new URL(asked.url()).pathname);
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  // The glue imports the split loader (scripts/split.mjs). Found only once the glue had arrived,
  // the loader came a round trip later, after whatever the page's scripts did meanwhile; the
  // page preloads it, and the import takes that preload instead of fetching it again.
  const timing = await page.evaluate(() => {
    const entry = (name: RegExp) => {
      const found = performance.getEntriesByType("resource").filter((e) => name.test(new URL(e.name).pathname));
      return found.length === 1 ? (found[0] as PerformanceResourceTiming) : null;
    };
    const glue = entry(/^\/pilotdeck-[0-9a-f]{16}\.js$/);
    const loader = entry(/^\/pilotdeck-split-[0-9a-f]{16}\.js$/);
    return glue && loader
      ? { loader: new URL(loader.name).pathname, asked: loader.startTime, glueArrived: glue.responseEnd }
      : null;
  });
  expect(timing, "one glue and one loader in the page's resources").not.toBeNull();
  expect(timing!.asked, "the loader is asked for before the glue has arrived").toBeLessThan(timing!.glueArrived);
  expect(scripts.filter((name) => name === timing!.loader)).toHaveLength(1);
});

test("a host that serves the wasm with another type still starts the app", async ({ page }) => {
  // Streaming compilation needs the application/wasm type; some static hosts send another.
  await page.route("**/*_bg.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(portfolio.startPilot).toBeVisible();

  // The early compile was refused, so the bootstrap got a fresh response and compiled it itself.
  const fellBack = await page.evaluate(async () => {
    const early = await (window as unknown as { pilotdeckWasm?: Promise<unknown> }).pilotdeckWasm;
    return early instanceof Response;
  });
  expect(fellBack).toBe(true);
  expect(warnings.some((text) => text.includes("application/wasm"))).toBe(true);
});
