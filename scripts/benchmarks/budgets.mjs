// Every budget the benchmark command checks, in the order its summary lists them: the one place
// the numbers live. A measurement records its median under the budget's id (see results.mjs);
// the summary puts the two side by side.

/** `most`: the median must not be above `limit`; `least`: it must not be below it. */
export const BUDGETS = [
  { id: "first-visit", what: "first visit: every file before the portfolio works, gzip", unit: "KB", limit: 250, kind: "most" },
  { id: "bundle", what: "everything but the sync engine: wasm + JS + CSS, gzip", unit: "KB", limit: 505, kind: "most" },
  { id: "lh-desktop-performance", what: "Lighthouse desktop: performance", unit: "", limit: 98, kind: "least" },
  { id: "lh-desktop-accessibility", what: "Lighthouse desktop: accessibility", unit: "", limit: 100, kind: "least" },
  { id: "lh-desktop-best-practices", what: "Lighthouse desktop: best practices", unit: "", limit: 100, kind: "least" },
  { id: "lh-mobile-performance", what: "Lighthouse mobile: performance", unit: "", limit: 97, kind: "least" },
  { id: "ready", what: "app ready, 1,000 stored plans (from navigation)", unit: "ms", limit: 300, kind: "most" },
  { id: "render", what: "portfolio of 1,000 plans rendered", unit: "ms", limit: 200, kind: "most" },
  { id: "save", what: "saving one edited plan", unit: "ms", limit: 5, kind: "most" },
  { id: "save-keys", what: "  keys written besides that plan's own (worst run)", unit: "", limit: 0, kind: "exactly" },
  { id: "import", what: "import and validate a file of 1,000 plans", unit: "ms", limit: 200, kind: "most" },
  { id: "memory", what: "JS heap + wasm memory, 1,000 plans loaded", unit: "MB", limit: 20, kind: "most" },
  { id: "slide", what: "workshop slide change, p95 (to the next frame)", unit: "ms", limit: 50, kind: "most" },
  { id: "sync-edit", what: "live edit reaching another browser, localhost, p95", unit: "ms", limit: 200, kind: "most" },
  { id: "sync-merge", what: "merging 1,000 queued offline edits", unit: "ms", limit: 100, kind: "most" },
  { id: "sync-engine", what: "sync engine: its own module, gzip", unit: "KB", limit: 110, kind: "most" },
];

export function isBudgeted(id) {
  return BUDGETS.some((b) => b.id === id);
}

export function budget(id) {
  const found = BUDGETS.find((b) => b.id === id);
  if (!found) throw new Error(`no budget named ${id}`);
  return found;
}

/** Whether `value` keeps the budget `id`. */
export function within(id, value) {
  const { limit, kind } = budget(id);
  if (kind === "most") return value <= limit;
  if (kind === "least") return value >= limit;
  return value === limit;
}

/** The budget as the summary writes it: "≤ 180 KB", "≥ 98", "= 1 keys". */
export function describe(id) {
  const { limit, kind, unit } = budget(id);
  const sign = { most: "≤", least: "≥", exactly: "=" }[kind];
  return `${sign} ${limit}${unit ? ` ${unit}` : ""}`;
}
