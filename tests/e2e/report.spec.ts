// Journey: a head of partnerships prepares the monthly leadership update — a portfolio where
// each band says why, one plan per entry in "Needs attention", the running pilots on one
// printable page (and a PDF), and every plan as CSV for the spreadsheet and the CRM.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, downloadOf, isoDay } from "./fixtures/pages";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as {
  plans: { id: string; name: string; stage: string }[];
};
const running = example.plans.filter((p) => ["live", "reviewing", "scaling"].includes(p.stage));

test("the running pilots print on one report, most urgent first, and every plan exports as CSV", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await portfolio.loadExamplePortfolio();

  await page.getByRole("link", { name: "Portfolio report" }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio report");
  await expect(page.getByTestId("report-date")).toContainText("Running pilots on ");
  const rows = page.getByTestId("report-row");
  await expect(rows).toHaveCount(running.length);
  // Ghost towns first, each with its reason, its next step and its blockers.
  await expect(rows.first()).toHaveAttribute("data-plan-id", "example-reseller-brightpath");
  await expect(rows.first().getByTestId("report-band")).toHaveText("Ghost-town risk");
  await expect(rows.first()).toContainText("ghost town: no sync for");
  await expect(rows.first()).toContainText("Lee Whitfield");
  await expect(rows.first().locator(".report-blockers li")).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row.locator("td").nth(1)).toHaveText(/^[↑→↓] [+-]?\d+$/);
    await expect(row.locator("td").nth(2)).toHaveText(/^\d+$/);
  }
  await expect(page.getByTestId("report-stages")).toContainText("1 parked");
  await checkAccessibility();

  // One page of A4, with nothing to press on it.
  await page.emulateMedia({ media: "print" });
  const controls = await page
    .locator("button, input, select, textarea, form")
    .evaluateAll((all) => all.filter((el) => (el as HTMLElement).checkVisibility()).length);
  expect(controls).toBe(0);
  await expect(page.locator(".app-header")).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  mkdirSync("target/print", { recursive: true });
  writeFileSync("target/print/report.pdf", pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(1);
  await page.emulateMedia({ media: "screen" });

  // Every plan, one row each, the plan id first.
  const file = await downloadOf(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  expect(file.name).toBe(`pilotdeck-portfolio-${isoDay(0)}.csv`);
  const lines = file.text.trimEnd().split("\r\n");
  expect(lines[0].split(",")).toEqual([
    "plan_id", "name", "partner", "partner_kind", "stage", "momentum", "band", "band_reason", "trend", "trend_points",
    "readiness_percent", "days_since_launch", "next_step", "next_step_owner", "next_step_due", "open_blockers",
    "open_blocker_details", "parked_until",
  ]);
  expect(lines).toHaveLength(example.plans.length + 1);
  expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(example.plans.map((p) => p.id).sort());
  await expect(page.getByRole("status")).toHaveText(`Saved ${file.name}.`);

  // The portfolio offers the CSV too.
  await page.getByRole("link", { name: "Portfolio", exact: true }).click();
  const again = await downloadOf(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  expect(again.text).toBe(file.text);
});
