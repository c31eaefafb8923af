// Journey: text from anywhere — a partner's file, a pasted note — is only ever text. Markup,
// script URLs, template syntax, right-to-left overrides, emoji, long words, combining marks,
// zero-width and control characters arrive in every text field of a plan, by import and by
// typing; every screen shows them literally, runs none of them, opens no dialog, makes no
// element from them and does not scroll sideways; the Markdown export escapes them.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage, WorkshopWindow, SLIDE_TITLES, Importer, downloadOf, jsonFile, storageDump, WizardPage } from "./fixtures/pages";
import type { Page } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";

/** The app's limits on imported text, in characters (Unicode scalar values). */
const NAME_MAX = 200;
const TEXT_MAX = 4_000;

/** 10,000 characters and not one space: refused on import, cut to the field's limit elsewhere. */
const LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(250).slice(0, 10_000);
/** 4,000 characters of ordinary prose. */
const PARAGRAPH = (() => {
  const sentence = "The partner's team asked for a longer pilot with more regions, more agents and a second review before Christmas. ";
  const text = sentence.repeat(Math.ceil(TEXT_MAX / sentence.length)).slice(0, TEXT_MAX - 1);
  return `${text}.`;
})();

const CORPUS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  '"><svg onload=window.__pwned=3>',
  "javascript:window.__pwned=4",
  "[click](javascript:window.__pwned=5)",
  "\u202Eevil.exe\u202C gnp.",
  "👩‍👩‍👧‍👦 🇩🇰 🚀",
  LONG_WORD,
  PARAGRAPH,
  "Z\u0351\u0308\u0327\u0489a\u0300\u0301\u0302\u0303l\u0336\u0337\u0338g\u0489\u0489o\u0304\u0305\u0306 cafe\u0301 n\u0303o",
  "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner",
  "{{7*7}}",
  "${7*7}",
  "%s%n",
  "ctrl\u0001\u0002\u0007\u0008\u000B\u000C\u001B[31mred\u001B[0m\u007F\u0085\u009Bend",
];
const [SCRIPT, IMG, SVG, JS_URL, MD_LINK, RTL, EMOJI, , , COMBINING, ZERO_WIDTH, MUSTACHE, TEMPLATE, FORMAT, CONTROL] = CORPUS;

/** `value` cut to at most `max` characters (code points, as the app counts them). */
function fit(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max).join("").trimEnd();
}

/** A short, unambiguous form of a value for failure messages. */
const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

type Plan = {
  id: string;
  name: string;
  partner: { name: string; our_owner: string; their_champion: string; notes: string };
  timing: { their_priority: string; how_we_fit: string };
  pilot: {
    use_case: string;
    segment: string;
    primary_metric: { name: string; unit: string };
    fastest_joint_win: string;
    out_of_scope: string[];
    stop_condition: string;
  };
  foundation: {
    objective: string;
    key_results: { name: string; unit: string }[];
    governance: Record<"our_owner" | "their_owner" | "our_sponsor" | "their_sponsor" | "decision_rule" | "escalation", string>;
  };
  steps: { title: string; owner_name: string; done_on: string | null; due_on: string | null }[];
  log: { text: string }[];
  cycles: { keep: string; change: string; stop: string }[];
  parking_lot: string[];
  [field: string]: unknown;
};
type PortfolioFile = { plans: Plan[]; [field: string]: unknown };

const exampleText = readFileSync("public/examples/portfolio.json", "utf8");
const exampleFile = () => JSON.parse(exampleText) as PortfolioFile;

/**
 * Plan number `index` of the example with every text field replaced by corpus strings, cycling
 * through the corpus (each plan starting at a different place), each cut to its field's limit.
 * The plan's name is corpus string `index`.
 */
function hostilePlan(plan: Plan, index: number): Plan {
  const p = structuredClone(plan);
  let k = index * 5 + 1;
  const next = (max: number) => fit(CORPUS[k++ % CORPUS.length], max);
  p.name = fit(CORPUS[index], NAME_MAX);
  p.partner.name = next(NAME_MAX);
  p.partner.our_owner = next(NAME_MAX);
  p.partner.their_champion = next(NAME_MAX);
  p.partner.notes = next(TEXT_MAX);
  p.timing.their_priority = next(TEXT_MAX);
  p.timing.how_we_fit = next(TEXT_MAX);
  p.pilot.use_case = next(TEXT_MAX);
  p.pilot.segment = next(TEXT_MAX);
  p.pilot.primary_metric.name = next(TEXT_MAX);
  p.pilot.primary_metric.unit = next(NAME_MAX);
  p.pilot.fastest_joint_win = next(TEXT_MAX);
  p.pilot.out_of_scope = p.pilot.out_of_scope.map(() => next(TEXT_MAX));
  p.pilot.stop_condition = next(TEXT_MAX);
  p.foundation.objective = next(TEXT_MAX);
  for (const kr of p.foundation.key_results) {
    kr.name = next(TEXT_MAX);
    kr.unit = next(NAME_MAX);
  }
  const g = p.foundation.governance;
  g.our_owner = next(NAME_MAX);
  g.their_owner = next(NAME_MAX);
  g.our_sponsor = next(NAME_MAX);
  g.their_sponsor = next(NAME_MAX);
  g.decision_rule = next(TEXT_MAX);
  g.escalation = next(TEXT_MAX);
  for (const step of p.steps) {
    step.title = next(TEXT_MAX);
    step.owner_name = next(NAME_MAX);
  }
  for (const entry of p.log) entry.text = next(TEXT_MAX);
  for (const cycle of p.cycles) {
    cycle.keep = next(TEXT_MAX);
    cycle.change = next(TEXT_MAX);
    cycle.stop = next(TEXT_MAX);
  }
  p.parking_lot = [...p.parking_lot.map(() => next(TEXT_MAX)), next(TEXT_MAX)];
  return p;
}

/** The example portfolio with every plan made hostile. */
function hostileFile(): PortfolioFile {
  const file = exampleFile();
  file.plans = file.plans.map(hostilePlan);
  return file;
}

/** Every text a plan holds, as the plan page shows them all. */
function textsOf(p: Plan): string[] {
  const g = p.foundation.governance;
  return [
    p.name,
    p.partner.name,
    p.partner.our_owner,
    p.partner.their_champion,
    p.partner.notes,
    p.timing.their_priority,
    p.timing.how_we_fit,
    p.pilot.use_case,
    p.pilot.segment,
    p.pilot.primary_metric.name,
    p.pilot.primary_metric.unit,
    p.pilot.fastest_joint_win,
    ...p.pilot.out_of_scope,
    p.pilot.stop_condition,
    p.foundation.objective,
    ...p.foundation.key_results.flatMap((kr) => [kr.name, kr.unit]),
    g.our_owner,
    g.their_owner,
    g.our_sponsor,
    g.their_sponsor,
    g.decision_rule,
    g.escalation,
    ...p.steps.flatMap((s) => [s.title, s.owner_name]),
    ...p.log.map((e) => e.text),
    ...p.cycles.flatMap((c) => [c.keep, c.change, c.stop]),
    ...p.parking_lot,
  ];
}

const openSteps = (p: Plan) => p.steps.filter((s) => s.done_on === null);

/** What a screen must never cause, collected as it happens. */
type Seen = { page: Page; dialogs: string[]; errors: string[]; csp: string[] };

/**
 * Watches `page` for dialogs (`alert`, `confirm`, `prompt`: none may ever open, and each is
 * dismissed), page errors and console errors; `csp` is the fixture's list of policy violations.
 */
function watch(page: Page, csp: string[]): Seen {
  const seen: Seen = { page, dialogs: [], errors: [], csp };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(`console error: ${message.text()}`);
  });
  return seen;
}

/**
 * The screen as it is now ran none of the hostile text and made nothing from it: no marker set,
 * no dialog, no error, no policy violation, no element or URL attribute built from it, no
 * event-handler attribute, and no sideways scrolling at this viewport.
 */
async function expectOnlyText({ page, dialogs, errors, csp }: Seen, screen: string) {
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll("*")];
    const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"];
    return {
      pwned: typeof (window as unknown as { __pwned?: unknown }).__pwned,
      injected: [...document.querySelectorAll("img[src=x], svg[onload]")].map((e) => e.outerHTML.slice(0, 80)),
      scriptUrls: elements
        .flatMap((e) => urlAttributes.map((name) => [e.tagName, name, e.getAttribute(name)] as const))
        .filter(([, , value]) => value !== null && /^\s*javascript:/i.test(value))
        .map(([tag, name, value]) => `${tag} ${name}=${value}`),
      javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
      handlers: elements.flatMap((e) =>
        [...e.attributes].filter((a) => a.name.toLowerCase().startsWith("on")).map((a) => `${e.tagName} ${a.name}`),
      ),
      // Script or style made from the corpus, or an attribute other than a label or a value
      // (an id, a class, a URL, a style) that carries it.
      made: [
        ...[...document.querySelectorAll("script, style")].filter((e) => e.textContent?.includes("pwned")).map((e) => e.outerHTML.slice(0, 80)),
        ...elements.flatMap((e) =>
          [...e.attributes]
            .filter((a) => !/^(aria-|data-)|^(title|alt|placeholder|value)$/.test(a.name) && a.value.includes("pwned"))
            .map((a) => `${e.tagName} ${a.name}=${a.value.slice(0, 60)}`),
        ),
      ],
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      // The innermost elements past the right edge, to say why it scrolls.
      sticksOut: elements
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 6)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${[...e.classList].map((c) => `.${c}`).join("")} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`),
    };
  });
  // Soft, so that one screen's failure still lets the journey check the screens after it.
  expect.soft(found.pwned, `${screen}: window.__pwned is undefined`).toBe("undefined");
  expect.soft(dialogs, `${screen}: no dialog opened`).toEqual([]);
  expect.soft(errors, `${screen}: no page or console error`).toEqual([]);
  expect.soft(csp, `${screen}: no Content-Security-Policy violation`).toEqual([]);
  expect.soft(found.injected, `${screen}: no img[src=x] or svg[onload]`).toEqual([]);
  expect.soft(found.javascriptLinks, `${screen}: no a[href^="javascript:"]`).toBe(0);
  expect.soft(found.scriptUrls, `${screen}: no javascript: URL in any attribute`).toEqual([]);
  expect.soft(found.handlers, `${screen}: no event-handler attribute`).toEqual([]);
  expect.soft(found.made, `${screen}: no script, style or attribute made from the hostile text`).toEqual([]);
  expect
    .soft(found.scrollWidth, `${screen}: the document does not scroll sideways at ${found.innerWidth}px; sticking out: ${found.sticksOut.join(", ")}`)
    .toBeLessThanOrEqual(found.innerWidth + 1);
}

/** Waits until every one of `values` is on the screen as written: in the text or in a field. */
async function expectShown(page: Page, values: string[], screen: string, scope = "body") {
  await expect
    .poll(
      async () => {
        const text = await page.evaluate((selector) => {
          const root = document.querySelector(selector);
          const fields = [...(root?.querySelectorAll("input, textarea") ?? [])].map((f) => (f as HTMLInputElement).value);
          return [document.title, root?.textContent ?? "", ...fields].join("\n");
        }, scope);
        return values.filter((value) => !text.includes(value)).map(shown);
      },
      { message: `${screen}: every hostile text is shown literally` },
    )
    .toEqual([]);
}

/** The text content of the first element matching `selector`, exactly as in the DOM. */
const textOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.textContent);

/** Imports `file` through "Import plans" → "Confirm import" and waits until it is saved. */
async function importHostile(page: Page, name: string, file: PortfolioFile) {
  const portfolio = new PortfolioPage(page);
  const importer = new Importer(page);
  await importer.choose(jsonFile(name, file));
  await expect(importer.dialog.getByRole("heading", { name: `Import ${name}` })).toBeVisible();
  await expect(importer.dialog).toContainText(`${file.plans.length} new · 0 the same · 0 different`);
  expect(await importer.rows()).toEqual(file.plans.map((p) => ({ name: p.name, status: "New" })));
  await importer.confirm.click();
  await expect(importer.dialog).toHaveCount(0);
  await expect(portfolio.notice).toHaveText(`Imported ${name}: ${file.plans.length} added.`);
  await portfolio.waitForSaved(file.plans.length);
  return portfolio;
}

const SHOTS = "/tmp/pw-hostile-shots";

test.use({ viewport: { width: 1280, height: 800 } });

test("an imported file full of hostile text is shown as text on every screen", async ({ page, cspViolations }) => {
  // Two refused files, then nine hostile plans through every screen.
  test.slow();
  mkdirSync(SHOTS, { recursive: true });
  const seen = watch(page, cspViolations);
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const importer = new Importer(page);
  const before = await storageDump(page);

  await test.step("the 10,000-character word is refused, naming each field it is in", async () => {
    const file = hostileFile();
    file.plans[0].name = LONG_WORD;
    file.plans[0].partner.notes = LONG_WORD;
    // The file's own name is text from anywhere too.
    const name = `${IMG}.json`;
    await importer.choose(jsonFile(name, file));
    await expect(importer.error.getByRole("heading")).toHaveText(`${name} could not be imported: 2 problems need fixing.`);
    expect(await importer.error.getByRole("listitem").allTextContents()).toEqual([
      "plans[0].name: too long (10000 characters; at most 200)",
      "plans[0].partner.notes: too long (10000 characters; at most 4000)",
    ]);
    await expect(importer.error).toContainText("Nothing in your plans was changed.");
    await expect(importer.dialog).toHaveCount(0);
    await expectOnlyText(seen, "the refused import");
    expect(await storageDump(page), "storage is as it was").toEqual(before);
    await importer.error.getByRole("button", { name: "Close" }).click();
    await expect(importer.error).toHaveCount(0);
  });

  await test.step("lone surrogates written as JSON escapes are refused, with the place named", async () => {
    const file = hostileFile();
    file.plans = [file.plans[0]];
    file.plans[0].partner.notes = "LONE-SURROGATES";
    // By hand, so that the escapes stay escapes in the file's text.
    const text = JSON.stringify(file, null, 2).replace('"LONE-SURROGATES"', '"high \\ud800 then low \\udfff"');
    await importer.choose(jsonFile("lone-surrogates.json", text));
    await expect(importer.error.getByRole("heading")).toHaveText("lone-surrogates.json could not be imported: 1 problem needs fixing.");
    // Named at the field that holds the broken escape, in words, without the plan-relative
    // line and column the JSON reader would give.
    const [problem] = await importer.error.getByRole("listitem").allTextContents();
    expect(problem).toMatch(/^plans\[0\]\.partner\.notes: not readable text \(.*\)/);
    expect(problem).not.toMatch(/at line \d+/);
    await expect(importer.error).toContainText("Nothing in your plans was changed.");
    await expect(importer.dialog).toHaveCount(0);
    await expectOnlyText(seen, "the refused surrogates");
    expect(await storageDump(page), "storage is as it was").toEqual(before);
    await importer.error.getByRole("button", { name: "Close" }).click();
    await expect(importer.error).toHaveCount(0);
  });

  const file = hostileFile();
  const [plan, trashed] = file.plans;
  expect(plan.name).toBe(SCRIPT);

  await test.step("the hostile portfolio imports, previewed and listed literally", async () => {
    await importHostile(page, `${SVG}.json`, file);
    await expect(portfolio.cards).toHaveCount(file.plans.length);
    expect((await portfolio.summary()).map((card) => card.name).sort()).toEqual(file.plans.map((p) => p.name).sort());
    await expectShown(page, file.plans.map((p) => p.name), "portfolio");
    await expectOnlyText(seen, "portfolio");
    await page.screenshot({ path: `${SHOTS}/portfolio.png`, fullPage: true });
    await page.reload();
    await expect(portfolio.cards).toHaveCount(file.plans.length);
    await expectShown(page, file.plans.map((p) => p.name), "portfolio after a reload");
    await expectOnlyText(seen, "portfolio after a reload");
  });

  await test.step("the plan page shows every text as written", async () => {
    await portfolio.openPlan(plan.name);
    const planPage = new PlanPage(page);
    await expect(planPage.title).toHaveText(SCRIPT);
    expect(await textOf(page, "h1")).toBe(SCRIPT);
    expect(await textOf(page, "#partner dd")).toBe(plan.partner.name);
    await expectShown(page, textsOf(plan), "plan page", "main");
    await expectOnlyText(seen, "plan page");
    await page.screenshot({ path: `${SHOTS}/plan-page.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/plan-page-top.png` });
  });

  await test.step("workshop mode: all eight slides", async () => {
    await page.getByRole("button", { name: "Workshop mode" }).click();
    const deck = new WorkshopWindow(page);
    await deck.expectSlide(1, SCRIPT);
    expect(await deck.heading.evaluate((h) => h.textContent)).toBe(SCRIPT);
    const g = plan.foundation.governance;
    const open = openSteps(plan).flatMap((s) => [s.title, s.owner_name]);
    const onSlide: string[][] = [
      [plan.name, plan.partner.name],
      [plan.foundation.objective, g.our_owner, g.their_owner, g.our_sponsor, g.their_sponsor],
      [plan.timing.their_priority, plan.timing.how_we_fit],
      [
        plan.pilot.use_case,
        plan.pilot.fastest_joint_win,
        plan.pilot.stop_condition,
        plan.pilot.primary_metric.name,
        plan.pilot.primary_metric.unit,
        plan.pilot.segment,
      ],
      open,
      plan.pilot.out_of_scope,
      plan.parking_lot,
      openSteps(plan).map((s) => s.title),
    ];
    for (const [i, values] of onSlide.entries()) {
      if (i > 0) {
        await page.keyboard.press("ArrowRight");
        await deck.expectSlide(i + 1, SLIDE_TITLES[i - 1]);
      }
      await expectShown(page, values, `workshop slide ${i + 1}`, "[data-testid=slide]");
      await expectOnlyText(seen, `workshop slide ${i + 1}`);
      if (i === 1) {
        await expect(page.getByLabel("Shared objective")).toHaveValue(plan.foundation.objective);
        await expect(page.getByLabel("Our owner", { exact: true })).toHaveValue(g.our_owner);
        await page.screenshot({ path: `${SHOTS}/workshop-foundation.png` });
      }
    }
    await page.keyboard.press("Escape");
    await expect(new PlanPage(page).title).toHaveText(SCRIPT);
  });

  await test.step("the share link opens a page that shows the plan as text", async () => {
    await page.getByRole("button", { name: "Copy share link" }).click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).toMatch(/\/share#[A-Za-z0-9_-]+$/);
    await expectOnlyText(seen, "plan page with the share link");
    await page.goto(link);
    await expect(page.getByText("read-only until you save it")).toBeVisible();
    expect(await textOf(page, "h1")).toBe(SCRIPT);
    await expectShown(
      page,
      [
        plan.name,
        plan.partner.name,
        plan.pilot.use_case,
        plan.pilot.fastest_joint_win,
        plan.pilot.stop_condition,
        plan.foundation.objective,
        plan.pilot.primary_metric.name,
        ...openSteps(plan).map((s) => s.title),
      ],
      "share page",
      "main",
    );
    await expectOnlyText(seen, "share page");
    await page.screenshot({ path: `${SHOTS}/share-page.png`, fullPage: true });
  });

  await test.step("settings, with a hostile plan in the trash", async () => {
    await portfolio.open();
    await portfolio.openPlan(trashed.name);
    expect(await textOf(page, "h1")).toBe(IMG);
    await page.getByRole("button", { name: "Delete plan" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(portfolio.heading).toBeVisible();
    await expect(portfolio.cards).toHaveCount(file.plans.length - 1);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    expect(await textOf(page, "[data-testid=trash] .trash-name")).toBe(IMG);
    await expectOnlyText(seen, "settings");
  });
});

test("text typed into the wizard and the plan's forms stays text and survives a reload unchanged", async ({ page, cspViolations }) => {
  test.slow();
  const seen = watch(page, cspViolations);
  const stored = (key: (p: Plan) => unknown, id?: string) =>
    page.evaluate(
      ({ id }) => {
        const keys = Object.keys(localStorage).filter((k) => k.startsWith("pilotdeck/v1/plans/"));
        const key = id ? `pilotdeck/v1/plans/${id}` : keys[0];
        return JSON.parse(localStorage.getItem(key) ?? "null")?.plan ?? null;
      },
      { id },
    ).then((p) => (p === null ? null : key(p as Plan)));

  // The wizard's first step: each keystroke is saved to a draft.
  const wizard = new WizardPage(page);
  await page.goto("/new");
  await wizard.expectStep("Partner");
  const partner = { name: SVG, ourOwner: IMG, theirChampion: RTL };
  await page.getByLabel("Partner name").fill(partner.name);
  await page.getByLabel("Our owner", { exact: true }).fill(partner.ourOwner);
  await page.getByLabel("Their champion").fill(partner.theirChampion);
  await expect
    .poll(() => stored((p) => [p.partner.name, p.partner.our_owner, p.partner.their_champion]))
    .toEqual([partner.name, partner.ourOwner, partner.theirChampion]);
  // Stored one byte per character: a draft is mostly ASCII, so U+202E and everything else
  // above U+00FF in it is written as an escape.
  const wide = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("pilotdeck/v1/"))
      .filter((k) => /[^\x00-\xff]/.test(localStorage.getItem(k) ?? "")),
  );
  expect(wide).toEqual([]);
  await expectOnlyText(seen, "wizard");
  await expect(page).toHaveURL(/\/new\?draft=[\w-]+/);

  await page.reload();
  await wizard.expectStep("Partner");
  await expect(page.getByLabel("Partner name")).toHaveValue(partner.name);
  await expect(page.getByLabel("Our owner", { exact: true })).toHaveValue(partner.ourOwner);
  await expect(page.getByLabel("Their champion")).toHaveValue(partner.theirChampion);
  await expectOnlyText(seen, "wizard after a reload");

  // The draft on the portfolio, named after its partner.
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(portfolio.cards).toHaveCount(1);
  expect(await textOf(page, "[data-testid=plan-name]")).toBe(`${partner.name} pilot`);
  await expectOnlyText(seen, "portfolio with the draft");

  // A plan's forms: the partner section, a new step, the parking lot and the log.
  await portfolio.loadExamplePortfolio();
  const example = exampleFile().plans.find((p) => p.id === "example-affiliate-salonbiz")!;
  await portfolio.waitForSaved(10);
  await portfolio.openPlan(example.name);
  const typed = {
    name: SCRIPT,
    notes: PARAGRAPH,
    step: MD_LINK,
    stepOwner: JS_URL,
    longStep: fit(LONG_WORD, 300),
    parked: [EMOJI, COMBINING, ZERO_WIDTH, CONTROL],
    logged: [`${MUSTACHE} ${TEMPLATE}`, FORMAT],
  };
  await page.getByRole("button", { name: "Edit partner" }).click();
  await page.getByLabel("Pilot name").fill(typed.name);
  await page.getByLabel("Notes").fill(typed.notes);
  await page.getByRole("button", { name: "Done partner" }).click();
  await expect(new PlanPage(page).title).toHaveText(typed.name);

  await page.getByLabel("New step").fill(typed.step);
  await page.getByLabel("Owner's name").first().fill(typed.stepOwner);
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("status")).toHaveText("Step added.");
  await page.getByLabel("New step").fill(typed.longStep);
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.locator("#steps .step-title").filter({ hasText: typed.longStep })).toHaveCount(1);

  for (const idea of typed.parked) {
    await page.getByLabel("Park an idea").fill(idea);
    await page.getByRole("button", { name: "Park it" }).click();
    await expect(page.getByLabel("Park an idea")).toHaveValue("");
  }
  for (const line of typed.logged) {
    await page.getByLabel("In one line").fill(line);
    await page.getByRole("button", { name: "Log", exact: true }).click();
    await expect(page.getByLabel("In one line")).toHaveValue("");
  }

  const expectPlan = async (screen: string) => {
    expect(await textOf(page, "h1"), `${screen}: the name, exactly`).toBe(typed.name);
    expect(await page.locator("#partner dt", { hasText: "Notes" }).locator("+ dd").evaluate((e) => e.textContent)).toBe(typed.notes);
    const titles = await page.locator("#steps .step-title").evaluateAll((all) => all.map((e) => e.textContent));
    expect(titles).toEqual(expect.arrayContaining([typed.step, typed.longStep]));
    const parked = await page.locator("#parking-lot .text-list li > span:first-child").evaluateAll((all) => all.map((e) => e.textContent));
    expect(parked).toEqual(expect.arrayContaining(typed.parked));
    const logged = await page.locator("#history .log-text").evaluateAll((all) => all.map((e) => e.textContent));
    expect(logged).toEqual(expect.arrayContaining(typed.logged));
    await expectShown(page, [typed.name, typed.notes, typed.step, typed.stepOwner, typed.longStep, ...typed.parked, ...typed.logged], screen, "main");
    await expectOnlyText(seen, screen);
  };
  await expectPlan("plan page after typing");
  await expect
    .poll(() =>
      stored(
        (p) => [p.name, p.partner.notes, p.steps.some((s) => s.title === typed.step && s.owner_name === typed.stepOwner), p.parking_lot.slice(-4), p.log.map((e) => e.text).filter((t) => typed.logged.includes(t)).length],
        example.id,
      ),
    )
    .toEqual([typed.name, typed.notes, true, typed.parked, typed.logged.length]);

  await page.reload();
  await expect(new PlanPage(page).title).toHaveText(typed.name);
  await expectPlan("plan page after a reload");
  await page.screenshot({ path: `${SHOTS}/typed-plan-page.png`, fullPage: true });

  // And back on the portfolio, both cards name them literally.
  await portfolio.open();
  const names = await portfolio.summary();
  expect(names.map((card) => card.name)).toEqual(expect.arrayContaining([typed.name, `${partner.name} pilot`]));
  await expectOnlyText(seen, "portfolio after typing");
});

test("the Markdown export of a hostile plan escapes every character that could make markup or a link", async ({ page, cspViolations }) => {
  const seen = watch(page, cspViolations);
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const file = hostileFile();
  const plan = file.plans[0];
  await importHostile(page, "hostile.json", file);
  await portfolio.openPlan(plan.name);
  await expect(new PlanPage(page).title).toHaveText(SCRIPT);

  const markdown = await downloadOf(page, () => page.getByRole("button", { name: "Download Markdown" }).click());
  await expectOnlyText(seen, "plan page after the download");
  const text = markdown.text;
  expect(text.startsWith("# \\<script>window.\\_\\_pwned=1\\</script>\n")).toBe(true);

  // Nothing a Markdown or HTML renderer would turn into an element or a link. Only what could
  // change the meaning is escaped: every "<" (no tag can open), "[" and "]" (no link).
  expect(text.match(/(^|[^\\])<(img|svg|script)/gi), "no unescaped tag").toBeNull();
  expect(text.match(/(^|[^\\])\]\(/gm), "no unescaped ](").toBeNull();
  expect(text.match(/(^|[^\\])</gm) ?? [], "no unescaped <").toEqual([]);
  // Every [ and ] is escaped, but for the task boxes ("- [ ] ", "- [x] ") the export writes itself.
  const brackets = text
    .split("\n")
    .map((line) => line.replace(/^(\s*)- \[[ x]\] /, "$1- "))
    .flatMap((line) => line.match(/(^|[^\\])[[\]]/g) ?? []);
  expect(brackets, "no unescaped [ or ]").toEqual([]);

  // Each hostile string is there, escaped.
  for (const escaped of [
    "\\<script>window.\\_\\_pwned=1\\</script>",
    '\\<img src=x onerror="window.\\_\\_pwned=2">',
    '">\\<svg onload=window.\\_\\_pwned=3>',
    "\\[click\\](javascript:window.\\_\\_pwned=5)",
    "{{7\\*7}}",
  ]) {
    expect(text, `the export holds ${escaped}`).toContain(escaped);
  }
});
