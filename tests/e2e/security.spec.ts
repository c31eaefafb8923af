// Journey: the page defends itself. The release build carries a strict Content-Security-Policy
// (scripts/csp.mjs writes it at build time), the browser refuses script and style that the app did
// not ship, and the app still loads, routes and downloads under that policy. Every other spec
// runs under the same policy too: the shared fixture fails any test that breaks it.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as {
  plans: { id: string; name: string }[];
};

/** The sync servers the build under test was made for (scripts/test sets them). */
const syncServers = (process.env.PILOTDECK_SYNC_SERVERS ?? "").split(/\s+/).filter(Boolean);

/** The policy as directive name → sources, in the order the browser reads them. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Waits until the refusal has been reported both as a `securitypolicyviolation` event and on the console. */
async function expectReported(violations: string[], event: RegExp, console: RegExp) {
  await expect.poll(() => violations.some((v) => event.test(v)), { message: `an event matching ${event}` }).toBe(true);
  await expect.poll(() => violations.some((v) => console.test(v)), { message: `a console message matching ${console}` }).toBe(true);
}

test("the built page carries the policy, with a hash for each inline script it ships", async ({ page, request }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();

  // The policy is the first element of <head>, so it governs <base> and every script after it.
  const first = await page.evaluate(() => {
    const element = document.head.firstElementChild;
    return { tag: element?.tagName, httpEquiv: element?.getAttribute("http-equiv"), content: element?.getAttribute("content") };
  });
  expect(first.tag).toBe("META");
  expect(first.httpEquiv).toBe("Content-Security-Policy");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  const policy = parsePolicy(first.content ?? "");

  // The inline scripts in the HTML as served, hashed from their exact text.
  const html = await (await request.get("/")).text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes))
    .map(([, , text]) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  expect(inline.length, "Trunk's bootstrap is an inline module script").toBeGreaterThan(0);

  expect(Object.fromEntries(policy)).toEqual({
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'", ...new Set(inline)],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    // The sync servers plans may be shared live through, as the build was told
    // (PILOTDECK_SYNC_SERVERS; the test command builds for ws://127.0.0.1:*), and nothing else.
    "connect-src": ["'self'", ...syncServers],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    // 'self', not 'none': the router finds the app's path through <base href> (document.baseURI).
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
  });
  // No wildcard but the port of a configured sync server.
  const withoutSyncServers = syncServers.reduce((text, server) => text.replace(server, ""), first.content ?? "");
  expect(withoutSyncServers).not.toMatch(/unsafe-inline|'unsafe-eval'|frame-ancestors|\*/);
});

test("the browser refuses a script and a style attribute the app did not ship", async ({ page, cspViolations }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  expect(cspViolations, "the app itself breaks nothing").toEqual([]);

  // A <script> element with inline text, added through the DOM as an injected one would be.
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__cspProbe = 'ran';";
    document.body.append(script);
    script.remove();
    return (window as unknown as { __cspProbe?: string }).__cspProbe ?? null;
  });
  expect(ran, "the injected script did not run").toBeNull();
  await expectReported(cspViolations, /^csp violation: script-src-elem blocked inline/, /^csp console error: .*inline script/);
  cspViolations.length = 0;

  // An inline style attribute written as markup is refused ...
  const styled = await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = '<p id="csp-style-probe" style="color: rgb(255, 0, 0)">probe</p>';
    document.body.append(holder);
    const probe = document.getElementById("csp-style-probe") as HTMLElement;
    const markup = { inline: probe.style.color, computed: getComputedStyle(probe).color };
    // ... while a style set through the CSSOM, the way Leptos' `style:prop=` sets one, applies.
    probe.style.color = "rgb(0, 128, 0)";
    const cssom = getComputedStyle(probe).color;
    holder.remove();
    return { ...markup, cssom };
  });
  expect(styled.inline, "the style attribute was not applied").toBe("");
  expect(styled.computed).not.toBe("rgb(255, 0, 0)");
  expect(styled.cssom).toBe("rgb(0, 128, 0)");
  await expectReported(cspViolations, /^csp violation: style-src-attr blocked inline/, /^csp console error: .*inline style/);
  cspViolations.length = 0;
});

test("the browser refuses a connection to a sync server the build does not name", async ({ page, cspViolations }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  // A WebSocket to a host the policy does not list (localhost is not 127.0.0.1 to a policy),
  // and a request to another origin: both are refused before anything is sent.
  const refused = await page.evaluate(async () => {
    const socket = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket("ws://localhost:1/0123456789abcdef0123456789abcdef");
        ws.onerror = () => resolve("error");
        ws.onopen = () => resolve("open");
      } catch (error) {
        resolve(`threw ${(error as Error).name}`);
      }
    });
    const request = await fetch("http://localhost:1/").then(
      () => "answered",
      () => "refused",
    );
    return { socket, request };
  });
  expect(refused.socket).not.toBe("open");
  expect(refused.request).toBe("refused");
  await expectReported(cspViolations, /^csp violation: connect-src blocked ws:\/\/localhost:1\//, /^csp console error: .*ws:\/\/localhost:1\//);
  await expectReported(cspViolations, /^csp violation: connect-src blocked http:\/\/localhost:1\//, /^csp console error: .*http:\/\/localhost:1\//);
  cspViolations.length = 0;
});

test("under the policy the app loads, routes, reloads a deep link and downloads an export", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  expect(await portfolio.loadExamplePortfolio()).toBe(example.plans.length);

  // Portfolio → a plan → back.
  const plan = example.plans[0];
  await portfolio.openPlan(plan.name);
  await expect(page).toHaveURL(`/plans/${plan.id}`);
  const planPage = new PlanPage(page);
  await expect(planPage.title).toHaveText(plan.name);
  // <base href="/"> is allowed (base-uri 'self'), so a reload on the deep link still routes.
  await page.reload();
  await expect(planPage.title).toHaveText(plan.name);
  expect(await page.evaluate(() => document.baseURI)).toBe(new URL("/", page.url()).href);
  await page.goBack();
  await expect(portfolio.heading).toBeVisible();
  await expect(page).toHaveURL("/");
  await expect(portfolio.cards).toHaveCount(example.plans.length);

  // "Export all" hands the browser a blob: URL through an <a download>; the download arrives.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export all" }).click(),
  ]);
  expect(download.url()).toMatch(/^blob:/);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  expect(await download.failure()).toBeNull();
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as { format: string; plans: { id: string }[] };
  expect(exported.format).toBe("pilotdeck");
  expect(exported.plans.map((p) => p.id).sort()).toEqual(example.plans.map((p) => p.id).sort());
});
