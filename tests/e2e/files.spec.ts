// Journey: plans travel as files and links — a whole portfolio exported and brought back into an
// empty browser, hostile files refused without touching anything stored, conflicts resolved plan
// by plan (and undone), a file dropped on the page, a plan shared as a link and opened in another
// browser, Markdown and calendar downloads, and the plan printed as a one-pager.
import { test, expect, watchPage } from "./fixtures/test";
import {
  PortfolioPage,
  PlanPage,
  Importer,
  downloadOf,
  isoDay,
  jsonFile,
  storageDump,
  type FileToImport,
} from "./fixtures/pages";
import type { Page } from "@playwright/test";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";

type ExamplePlan = {
  id: string;
  name: string;
  stage: string;
  partner: { name: string };
  foundation: { rhythm: { next_sync_on: string | null; review_on: string | null } };
  steps: { title: string; due_on: string | null; done_on: string | null }[];
  log: { text: string }[];
  [field: string]: unknown;
};

const exampleText = readFileSync("public/examples/portfolio.json", "utf8");
/** A fresh copy of the example portfolio file, to change as a test needs. */
const exampleFile = () => JSON.parse(exampleText) as { schema_version: number; plans: ExamplePlan[]; [field: string]: unknown };
const example = exampleFile();
const northwind = example.plans.find((p) => p.id === "example-telco-northwind")!;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** A moment as the app writes a date: "27 Nov 2026", in the browser's (this machine's) time zone. */
function written(at: string): string {
  const d = new Date(at);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}


/** Opens the portfolio with the example plans loaded and saved. */
async function withExamples(page: Page): Promise<PortfolioPage> {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  expect(added).toBe(example.plans.length);
  await portfolio.waitForSaved(added);
  return portfolio;
}

async function exportAll(page: Page) {
  const file = await downloadOf(page, () => page.getByRole("button", { name: "Export all" }).click());
  return { ...file, json: JSON.parse(file.text) as { exported_at: string; plans: ExamplePlan[]; [field: string]: unknown } };
}

test("Export all, then importing that file into an emptied browser, gives back the same portfolio", async ({ page }) => {
  const portfolio = await withExamples(page);
  const before = await portfolio.summary();
  expect(before).toHaveLength(example.plans.length);

  // Settings says nothing was exported yet; Export all downloads the whole portfolio.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("last-export")).toHaveText("No export yet");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(portfolio.heading).toBeVisible();
  const exported = await exportAll(page);
  expect(exported.name).toBe(`pilotdeck-portfolio-${isoDay(0)}.json`);
  await expect(portfolio.notice).toHaveText(`Exported ${example.plans.length} plans to ${exported.name}.`);
  expect(exported.json).toMatchObject({
    format: "pilotdeck",
    schema_version: 2,
    exported_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    app_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    score_model: { version: 2, parameters: expect.any(Object) },
  });
  expect(exported.json.plans.map((p) => p.id).sort()).toEqual(before.map((c) => c.id).sort());

  // Settings now shows the day of that export.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("last-export")).toHaveText(written(exported.json.exported_at));
  // The format is published beside the app.
  const schemaLink = page.getByRole("link", { name: "JSON Schema" });
  await expect(schemaLink).toHaveAttribute("href", "schema/pilotdeck-file-v2.schema.json");
  const schema = await page.request.get(await schemaLink.evaluate((a) => (a as HTMLAnchorElement).href));
  expect(schema.ok()).toBe(true);
  expect(await schema.json()).toHaveProperty("$schema");

  // The browser forgets everything.
  await page.evaluate(() => localStorage.clear());
  await portfolio.open();
  await expect(page.getByRole("heading", { name: "Launch partner pilots that don't die quietly" })).toBeVisible();
  await expect(portfolio.cards).toHaveCount(0);
  expect(Object.keys(await storageDump(page)).filter((k) => k.startsWith("pilotdeck/v1/plans/"))).toEqual([]);

  // The exported file brings every plan back, as new.
  const importer = new Importer(page);
  await importer.choose(jsonFile(exported.name, exported.text));
  await expect(importer.dialog.getByRole("heading", { name: `Import ${exported.name}` })).toBeVisible();
  await expect(importer.dialog).toContainText(`${example.plans.length} new · 0 the same · 0 different`);
  const rows = await importer.rows();
  expect(rows.map((row) => row.name).sort()).toEqual(before.map((card) => card.name).sort());
  expect(rows.map((row) => row.status)).toEqual(before.map(() => "New"));
  await importer.confirm.click();
  await expect(importer.dialog).toHaveCount(0);
  await expect(portfolio.notice).toHaveText(`Imported ${exported.name}: ${example.plans.length} added.`);
  await portfolio.waitForSaved(example.plans.length);
  expect(await portfolio.summary()).toEqual(before);

  // And they are stored: a reload shows the same portfolio, under the versioned prefix only.
  await page.reload();
  await expect(portfolio.cards).toHaveCount(example.plans.length);
  expect(await portfolio.summary()).toEqual(before);
  const keys = Object.keys(await storageDump(page));
  expect(keys.filter((k) => !k.startsWith("pilotdeck/v1/"))).toEqual([]);
  for (const { id } of before) expect(keys).toContain(`pilotdeck/v1/plans/${id}`);
});

test("hostile files are refused with every problem named, and nothing stored changes", async ({ page, checkAccessibility }) => {
  // Seven files, one of them over 20 MB: handing that one to the browser alone takes seconds.
  test.slow();
  const portfolio = await withExamples(page);
  const importer = new Importer(page);
  const stored = await storageDump(page);
  expect(Object.keys(stored).filter((k) => !k.startsWith("pilotdeck/v1/"))).toEqual([]);
  const cards = await portfolio.summary();

  // Three plans, each wrong in its own way; the first in three places.
  const wrongTypes = exampleFile();
  (wrongTypes.plans[0] as Record<string, unknown>).stage = 7;
  wrongTypes.plans[0].steps[0].due_on = "31/02/2026";
  wrongTypes.plans[0].steps[3].due_on = "soon";
  (wrongTypes.plans[1] as Record<string, unknown>).name = 42;
  (wrongTypes.plans[2] as { timing: Record<string, unknown> }).timing.fit = "very";
  const duplicate = exampleFile();
  duplicate.plans[2].id = duplicate.plans[0].id;
  const future = exampleFile();
  future.schema_version = 3;

  const cases: { file: FileToImport; says: (string | RegExp)[]; problems?: string[] }[] = [
    {
      file: jsonFile("truncated.json", exampleText.slice(0, exampleText.length / 2)),
      says: ["not valid JSON", "the file ends too early — was it cut short?"],
    },
    {
      file: jsonFile("wrong-types.json", wrongTypes),
      says: ["problem"],
      problems: [
        "plans[0].stage: a choice is written as a word in quotes, not 7",
        'plans[0].steps[0].due_on: not a date (expected YYYY-MM-DD): "31/02/2026"',
        'plans[0].steps[3].due_on: not a date (expected YYYY-MM-DD): "soon"',
        "plans[1].name: expected a text, found the number 42",
        'plans[2].timing.fit: expected a whole number, found the text "very"',
      ],
    },
    {
      file: jsonFile("duplicate-ids.json", duplicate),
      says: ["problem"],
      problems: [`plans[2].id: the id "${duplicate.plans[0].id}" is used by an earlier plan too`],
    },
    { file: jsonFile("from-the-future.json", future), says: ["saved by a newer Pilotdeck (schema_version 3)", "this version reads up to 2"] },
    {
      file: { name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(20 * 1024 * 1024 + 1, " ") },
      says: ["The file is too large (20.0 MB, 20971521 bytes; at most 20.0 MB)."],
    },
    { file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Partner call notes:\n- ask about Q1\n") }, says: ["not valid JSON"] },
    { file: jsonFile("just-plans.json", example.plans), says: ["This is not a Pilotdeck file"] },
  ];

  for (const { file, says, problems } of cases) {
    await test.step(file.name, async () => {
      await importer.choose(file);
      await expect(importer.error.getByRole("heading")).toContainText(`${file.name} could not be imported`);
      for (const words of says) await expect(importer.error).toContainText(words);
      await expect(importer.error).toContainText("Nothing in your plans was changed.");
      if (problems) {
        const listed = importer.error.getByRole("listitem");
        // Every problem is named at once, each with its place in the file. (Soft, so that one
        // missing problem still lets the other files be tried.)
        const count = problems.length === 1 ? "1 problem needs fixing." : `${problems.length} problems need fixing.`;
        await expect(listed.first()).toBeVisible();
        expect.soft(await importer.error.getByRole("heading").textContent()).toBe(`${file.name} could not be imported: ${count}`);
        expect.soft(await listed.allTextContents(), "every problem, each starting with its path").toEqual(
          problems.map((problem) => expect.stringMatching(new RegExp(`^${problem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))),
        );
        await expect(listed.first().locator("code")).toHaveText(problems[0].split(":")[0]);
      }
      await expect(importer.dialog).toHaveCount(0);
      if (file.name === "wrong-types.json") await checkAccessibility();
      expect(await storageDump(page), "storage is byte-for-byte as it was").toEqual(stored);

      await importer.error.getByRole("button", { name: "Close" }).click();
      await expect(importer.error).toHaveCount(0);
      expect(await portfolio.summary()).toEqual(cards);
      expect(await storageDump(page), "storage is byte-for-byte as it was").toEqual(stored);
    });
  }
});

/**
 * A file that differs from the stored portfolio: the first three plans renamed, the fourth
 * as it is, and one plan that is not here yet.
 */
function conflicts(exported: { plans: ExamplePlan[]; [field: string]: unknown }) {
  const plans = exported.plans.map((p) => structuredClone(p));
  const [keepMine, takeTheirs, keepBoth, same] = plans;
  const original = { keepMine: keepMine.name, takeTheirs: takeTheirs.name, keepBoth: keepBoth.name };
  keepMine.name = "Northwind renamed by the partner";
  takeTheirs.name = "Ledgerline, as the partner calls it now";
  keepBoth.name = "SalonBiz Weekly, partner's copy";
  const added = { ...structuredClone(plans[4]), id: "partner-new-plan-oakleaf", name: "Oakleaf Spas — a plan from the partner" };
  const file = jsonFile("from-the-partner.json", { ...exported, plans: [keepMine, takeTheirs, keepBoth, same, added] });
  return { file, original, keepMine, takeTheirs, keepBoth, same, added };
}

test("a conflict is resolved three ways in one import, and Undo import puts everything back", async ({ page }) => {
  const portfolio = await withExamples(page);
  const exported = await exportAll(page);
  const before = await portfolio.summary();
  const stored = await storageDump(page);
  const c = conflicts(exported.json);
  const importer = new Importer(page);

  await importer.choose(c.file);
  await expect(importer.dialog.getByRole("heading", { name: "Import from-the-partner.json" })).toBeVisible();
  await expect(importer.dialog).toContainText("1 new · 1 the same · 3 different");
  expect(await importer.rows()).toEqual([
    { name: c.keepMine.name, status: "Already here, different" },
    { name: c.takeTheirs.name, status: "Already here, different" },
    { name: c.keepBoth.name, status: "Already here, different" },
    { name: c.same.name, status: "Already here, the same" },
    { name: c.added.name, status: "New" },
  ]);
  for (const plan of [c.keepMine, c.takeTheirs, c.keepBoth]) {
    await expect(importer.choices(plan.name).getByRole("radio", { name: "Keep mine" })).toBeChecked();
  }
  await importer.choices(c.takeTheirs.name).getByRole("radio", { name: "Take theirs" }).check();
  await importer.choices(c.keepBoth.name).getByRole("radio", { name: "Keep both" }).check();
  await expect(importer.choices(c.keepMine.name).getByRole("radio", { name: "Keep mine" })).toBeChecked();
  await expect(importer.choices(c.takeTheirs.name).getByRole("radio", { name: "Take theirs" })).toBeChecked();
  await expect(importer.choices(c.keepBoth.name).getByRole("radio", { name: "Keep both" })).toBeChecked();

  await importer.confirm.click();
  await expect(importer.dialog).toHaveCount(0);
  await expect(portfolio.notice).toContainText("Imported from-the-partner.json: 2 added, 1 replaced.");
  await expect(portfolio.cards).toHaveCount(before.length + 2);
  await portfolio.waitForSaved(before.length + 2);
  // Keep mine: my name stays. Take theirs: their name replaces mine. Keep both: both are here,
  // theirs as a new plan. (Soft, so that a wrong card still lets Undo import be tried.)
  await expect(portfolio.card(c.added.name)).toHaveAttribute("data-plan-id", c.added.id);
  const shown = await portfolio.summary();
  const copy = shown.find((card) => card.name === `${c.keepBoth.name} (imported)`);
  expect.soft(copy, "Keep both adds their version as a new plan").toBeDefined();
  expect.soft(copy?.id).not.toBe(c.keepBoth.id);
  const names = (cards: { id: string | null; name: string }[]) =>
    Object.fromEntries(cards.filter((card) => card !== copy).map((card) => [card.id, card.name]));
  expect.soft(names(shown), "the cards' names after the import").toEqual({
    ...names(before),
    [c.takeTheirs.id]: c.takeTheirs.name,
    [c.added.id]: c.added.name,
  });

  // Undo import: the original names and count, in storage too.
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(portfolio.notice).toContainText("The import was undone");
  // Nothing to resolve: the undo was asked for here, not in another tab.
  await expect.soft(page.getByRole("alert")).toHaveCount(0);
  await expect(portfolio.cards).toHaveCount(before.length);
  await portfolio.waitForSaved(before.length);
  expect(await portfolio.summary()).toEqual(before);
  const after = await storageDump(page);
  expect(Object.keys(after)).toEqual(Object.keys(stored));
  await page.reload();
  await expect(portfolio.cards).toHaveCount(before.length);
  expect(await portfolio.summary()).toEqual(before);
});

test("a partner's newer copy shows what differs, starts on theirs, and Combine keeps both sides' work", async ({ page }) => {
  const portfolio = await withExamples(page);
  const exported = await exportAll(page);
  // The partner's copy, newer: a step of theirs and a new objective.
  const theirs = structuredClone(exported.json.plans.find((p) => p.id === northwind.id)!) as ExamplePlan & {
    updated_at: string;
    foundation: { objective: string };
    steps: { id: string; title: string; done_on: string | null }[];
  };
  // Saved after our edit below (a partner a few time zones ahead may well be).
  theirs.updated_at = new Date(Date.now() + 3_600_000).toISOString();
  theirs.foundation.objective = "Prove bundled bookings cut SMB churn, region by region";
  theirs.steps.push({ ...structuredClone(theirs.steps[0]), id: "partner-added-step", title: "Partner: brief the retail team", done_on: null });
  // Meanwhile, a step of ours, added here.
  await portfolio.openPlan(northwind.name);
  await page.getByLabel("New step").fill("Ours: draft the Q1 pricing note");
  await page.getByRole("button", { name: "Add step" }).click();
  await portfolio.waitForStored("Ours: draft the Q1 pricing note");
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();

  const importer = new Importer(page);
  await importer.choose(jsonFile("northwind-from-hannah.json", { ...exported.json, plans: [theirs] }));
  const choice = importer.choices(northwind.name);
  await expect(choice).toContainText("(later)");
  await expect(choice.getByRole("radio", { name: "Take theirs" })).toBeChecked();
  const differences = choice.getByTestId("differences");
  await expect(differences).toContainText("foundation › objective");
  await expect(differences).toContainText("“Prove bundled bookings cut SMB churn, region by region”");
  await expect(differences.locator("tr", { hasText: "Partner: brief the retail team" })).toContainText("theirs only");
  await expect(differences.locator("tr", { hasText: "Ours: draft the Q1 pricing note" })).toContainText("yours only");

  await choice.getByRole("radio", { name: "Combine" }).check();
  await importer.confirm.click();
  await expect(portfolio.notice).toContainText("Imported northwind-from-hannah.json: 1 replaced.");
  await portfolio.openPlan(northwind.name);
  const steps = page.locator("#steps");
  await expect(steps).toContainText("Partner: brief the retail team");
  await expect(steps).toContainText("Ours: draft the Q1 pricing note");
  await expect(page.locator("#foundation")).toContainText("region by region");
});

test("Cancel on the same conflicting file changes nothing", async ({ page }) => {
  const portfolio = await withExamples(page);
  const exported = await exportAll(page);
  const before = await portfolio.summary();
  const stored = await storageDump(page);
  const importer = new Importer(page);

  await importer.choose(conflicts(exported.json).file);
  await expect(importer.dialog).toContainText("1 new · 1 the same · 3 different");
  await importer.dialog.getByRole("radio", { name: "Take theirs" }).first().check();
  await importer.cancel.click();
  await expect(importer.dialog).toHaveCount(0);
  expect(await portfolio.summary()).toEqual(before);
  expect(await storageDump(page), "storage is byte-for-byte as it was").toEqual(stored);
  await page.reload();
  await expect(portfolio.cards).toHaveCount(before.length);
  expect(await portfolio.summary()).toEqual(before);
  expect(await storageDump(page), "storage is byte-for-byte as it was").toEqual(stored);
});

test("a file dropped on the portfolio opens the import preview", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const importer = new Importer(page);
  await importer.drop(jsonFile("dropped-from-desktop.json", { ...exampleFile(), plans: [northwind] }));

  await expect(importer.dialog.getByRole("heading", { name: "Import dropped-from-desktop.json" })).toBeVisible();
  await expect(importer.dialog).toContainText("1 new · 0 the same · 0 different");
  expect(await importer.rows()).toEqual([{ name: northwind.name, status: "New" }]);
  await importer.confirm.click();
  await expect(portfolio.notice).toHaveText("Imported dropped-from-desktop.json: 1 added.");
  await expect(portfolio.card(northwind.name)).toHaveAttribute("data-plan-id", northwind.id);
  await portfolio.waitForSaved(1);
});

test("a share link opens read-only in another browser and saves from there; Markdown and calendar download", async ({
  page,
  browser,
  baseURL,
}) => {
  const portfolio = await withExamples(page);
  await portfolio.openPlan(northwind.name);
  const plan = new PlanPage(page);
  await expect(plan.title).toHaveText(northwind.name);

  await page.getByRole("button", { name: "Copy share link" }).click();
  const field = page.getByLabel("Share link (the plan travels in the link; nothing is uploaded)");
  await expect(field).toHaveAttribute("readonly", "");
  await expect(field).toHaveValue(new RegExp(`^${baseURL}/share#[A-Za-z0-9_-]+$`));
  await expect(page.getByRole("status")).toContainText(/Share link copied|copy the share link below/);
  const link = await page.getByTestId("share-link").inputValue();

  // Someone else's browser: nothing stored.
  const context = await browser.newContext();
  const other = await context.newPage();
  const problems = watchPage(other);
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await expect(other.getByText("read-only until you save it")).toBeVisible();
  await expect(other.getByTestId("shared-score")).toHaveText(/^Momentum (\d{1,3}|Unknown) · /);
  await expect(other.getByRole("textbox")).toHaveCount(0);
  expect(Object.keys(await storageDump(other)).filter((k) => k.startsWith("pilotdeck/v1/plans/"))).toEqual([]);

  await other.getByRole("button", { name: "Save to my plans" }).click();
  await expect(other).toHaveURL(new RegExp(`/plans/${northwind.id}$`));
  await expect(new PlanPage(other).title).toHaveText(northwind.name);
  await expect(other.getByRole("status")).toContainText(`“${northwind.name}” is saved in your plans.`);
  await expect
    .poll(async () => Object.keys(await storageDump(other)))
    .toContain(`pilotdeck/v1/plans/${northwind.id}`);

  // The same link again: it is already there.
  await other.goto("/");
  await expect(new PortfolioPage(other).card(northwind.name)).toHaveCount(1);
  await other.goto(link);
  await expect(other.getByText("already in your plans")).toBeVisible();
  await expect(other.getByRole("button", { name: "Save to my plans" })).toHaveCount(0);

  // Damaged and oversized links say so and change nothing.
  const stored = await storageDump(other);
  for (const [data, says] of [
    ["not-a-link!", "This link is damaged"],
    ["A".repeat(70_000), "This link is too long (70000 characters; at most 65536)"],
  ]) {
    await other.goto("/");
    await other.goto(`/share#${data}`);
    await expect(other.getByTestId("share-error")).toContainText(says);
    await expect(other.getByRole("alert").filter({ hasText: says })).toBeVisible();
    await expect(other.getByText("Nothing was saved and your plans are as they were.")).toBeVisible();
    expect(await storageDump(other), "storage is byte-for-byte as it was").toEqual(stored);
  }
  await context.close();
  expect(problems).toEqual([]);

  // Markdown for email or docs.
  const markdown = await downloadOf(page, () => page.getByRole("button", { name: "Download Markdown" }).click());
  expect(markdown.name).toBe(`pilotdeck-northwind-mobile-${isoDay(0)}.md`);
  expect(markdown.text.startsWith(`# ${northwind.name}\n`)).toBe(true);
  await expect(page.getByRole("status")).toHaveText(`Saved ${markdown.name}.`);

  // The calendar: CRLF lines, the sync rhythm, the review and each open step with a due date.
  const calendar = await downloadOf(page, () => page.getByRole("button", { name: "Download calendar" }).click());
  expect(calendar.name).toBe(`pilotdeck-northwind-mobile-${isoDay(0)}.ics`);
  expect(calendar.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(calendar.text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  const lines = calendar.text.slice(0, -2).split("\r\n");
  expect(lines.filter((line) => line.includes("\n") || line.includes("\r"))).toEqual([]);
  const rhythm = northwind.foundation.rhythm;
  const dated =
    Number(rhythm.next_sync_on !== null) +
    Number(rhythm.review_on !== null) +
    northwind.steps.filter((s) => s.done_on === null && s.due_on !== null).length;
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(dated);
  expect(lines.filter((line) => line === "END:VEVENT")).toHaveLength(dated);
  expect(lines.filter((line) => line.startsWith("RRULE:"))).toHaveLength(1);
  expect(lines.some((line) => line.startsWith("SUMMARY:30-day review: "))).toBe(true);
  expect(lines.filter((line) => line.startsWith("SUMMARY:Due: "))).toHaveLength(dated - 2);
});

test("the plan prints as a one-pager without navigation or controls, and renders to PDF", async ({ page }) => {
  const portfolio = await withExamples(page);
  await portfolio.openPlan(northwind.name);
  const plan = new PlanPage(page);
  await expect(plan.title).toHaveText(northwind.name);
  const header = page.getByRole("banner");
  const navigation = page.getByRole("navigation", { name: "Main" });
  const workshop = page.getByRole("button", { name: "Workshop mode" });
  await expect(header).toBeVisible();
  await expect(navigation).toBeVisible();
  await expect(workshop).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  for (const nav of await page.locator("nav").all()) await expect(nav).toBeHidden();
  await expect(workshop).toBeHidden();
  const controls = await page
    .locator("button, input, select, textarea, form")
    .evaluateAll((all) => all.filter((el) => (el as HTMLElement).checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
  expect(controls, "no button, field or form is printed").toEqual([]);
  // What the plan says is still there.
  await expect(plan.title).toBeVisible();
  await expect(plan.section("Next steps")).toBeVisible();
  await expect(plan.section("Next steps")).toContainText(northwind.steps.find((s) => s.done_on === null)!.title);
  // The record and the score's reasons are printed too, with the day it was printed.
  await expect(page.getByTestId("printed-on")).toHaveText(`Printed on ${written(new Date().toISOString())}`);
  await expect(plan.section("History")).toBeVisible();
  await expect(plan.section("History")).toContainText(northwind.log[0].text as string);
  await expect(plan.section("30-day cycles")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where the points come from" })).toBeVisible();
  await expect(page.locator(".component")).toHaveCount(5);

  const pdf = await page.pdf({ format: "A4" });
  mkdirSync("target/print", { recursive: true });
  writeFileSync("target/print/plan.pdf", pdf);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
});

test("a plan not yet launched prints its readiness checklist on the first page, with no page left mostly empty", async ({ page }) => {
  const portfolio = await withExamples(page);
  const cascadia = example.plans.find((p) => p.id === "example-telco-cascadia-fibre")!;
  await portfolio.openPlan(cascadia.name);
  await expect(new PlanPage(page).title).toHaveText(cascadia.name);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Continue in the wizard" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  mkdirSync("target/print", { recursive: true });
  writeFileSync("target/print/not-launched.pdf", pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  // Three pages of A4. With the checklist kept whole, it moved to the second page and left the
  // first one mostly empty: four pages.
  expect(pages.length).toBeLessThanOrEqual(3);
});
