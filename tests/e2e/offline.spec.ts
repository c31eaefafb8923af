// Journey: a workshop in a meeting room with bad Wi-Fi. After one visit Pilotdeck opens and
// works with no network, plans intact; when a new version is deployed it says so and waits for
// the user to reload instead of switching under them.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, PlanPage } from "./fixtures/pages";
import type { Page } from "@playwright/test";

const northwind = "Northwind Mobile — Business Flex booking bundle";

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test("after one visit the app opens and works offline, with the plans intact", async ({ page, context }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await controlled(page);
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);

  await context.setOffline(true);
  await page.reload();
  await expect(portfolio.heading).toBeVisible();
  await expect(portfolio.cards).toHaveCount(9);
  // A deep link, loaded with no network, and an edit saved while offline.
  await page.goto("/plans/example-telco-northwind");
  await expect(new PlanPage(page).title).toHaveText(northwind);
  await page.getByLabel("New step").fill("Agreed offline in the meeting room");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.reload();
  await expect(page.locator("#steps")).toContainText("Agreed offline in the meeting room");
  // Settings, opened with no network, says so.
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("offline-status")).toHaveText(/^Ready to work offline: /);
  await context.setOffline(false);
});

test("Settings says when Pilotdeck is ready to work offline", async ({ page, context }) => {
  // The first visit: while the service worker is still fetching the app's files (one of them
  // held back here), Settings says so; once it has kept them all, it says the app is ready.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await context.route("**/icons/icon-512.png", async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await page.goto("/settings");
  const status = page.getByTestId("offline-status");
  await expect.poll(() => asked).toBeGreaterThan(0);
  await expect(status).toHaveText(/^Getting ready to work offline: this browser is keeping a copy of Pilotdeck…$/);
  release();
  await expect(status).toHaveText(/^Ready to work offline: this browser keeps a copy of Pilotdeck/);
  await controlled(page);
  await page.reload();
  await expect(status).toHaveText(/^Ready to work offline: /);
  await expect(page.getByRole("heading", { name: "Offline use" })).toBeVisible();
  await expect(page.getByTestId("install-status")).toHaveText(/^To open Pilotdeck from its own icon and window, install it/);
});

test("a browser without service workers is told it needs a network to open", async ({ page, context }) => {
  await context.addInitScript(() => {
    delete (Navigator.prototype as unknown as { serviceWorker?: unknown }).serviceWorker;
  });
  await page.goto("/settings");
  await expect(page.getByTestId("offline-status")).toHaveText(/^Not available offline in this browser: .* Pilotdeck needs a network to open here; your plans are still kept in this browser\.$/);
  // Nothing else changes: plans are kept as usual.
  const portfolio = new PortfolioPage(page);
  await page.getByRole("link", { name: "Plans" }).click();
  await portfolio.loadExamplePortfolio();
  await expect(portfolio.cards).toHaveCount(9);
  await portfolio.waitForSaved(9);
});

test("a browser whose service worker property holds nothing still opens the app", async ({ page, context }) => {
  // Seen in private windows of some browsers: the property is there, its value is undefined.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "serviceWorker", { configurable: true, get: () => undefined });
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/settings");
  await expect(page.getByTestId("offline-status")).toHaveText(/^Not available offline in this browser: /);
  expect(errors).toEqual([]);
});

test("a first install that cannot keep every file says the app needs a network", async ({ page, context }) => {
  await context.route("**/icons/icon-512.png", (route) => route.abort());
  await page.goto("/settings");
  await expect(page.getByTestId("offline-status")).toHaveText(/^This browser could not keep a copy of Pilotdeck for offline use/);
  // Reloading tries again, and with the file back it works.
  await context.unroute("**/icons/icon-512.png");
  await page.reload();
  await expect(page.getByTestId("offline-status")).toHaveText(/^Ready to work offline: /);
});

/** Offers to install, as the browser's `beforeinstallprompt` does, with the user's answer. */
async function offerToInstall(page: Page, outcome: "accepted" | "dismissed") {
  await page.evaluate((outcome) => {
    const w = window as unknown as { prompted: number; offer: Event };
    w.prompted = 0;
    const offer = new Event("beforeinstallprompt", { cancelable: true });
    Object.assign(offer, {
      prompt: async () => {
        w.prompted += 1;
      },
      userChoice: Promise.resolve({ outcome, platform: "web" }),
    });
    w.offer = offer;
    window.dispatchEvent(offer);
  }, outcome);
}

test("when the browser offers to install Pilotdeck, Settings has the button for it", async ({ page, checkAccessibility }) => {
  await page.goto("/");
  const status = page.getByTestId("install-status");
  const install = page.getByRole("button", { name: "Install Pilotdeck" });
  // Offered on the portfolio, used from Settings.
  await expect(new PortfolioPage(page).heading).toBeVisible();
  await offerToInstall(page, "dismissed");
  expect(await page.evaluate(() => (window as unknown as { offer: Event }).offer.defaultPrevented)).toBe(true);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(status).toHaveText(/^Install Pilotdeck to open it from its own icon and window/);
  await checkAccessibility();
  // Dismissed: an offer is used once, so the button goes until the browser offers again.
  await install.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
  await expect(install).toHaveCount(0);
  await expect(status).toHaveText(/^To open Pilotdeck from its own icon and window, install it/);

  // Accepted: installing, then installed.
  await offerToInstall(page, "accepted");
  await install.click();
  await expect(status).toHaveText("Installing Pilotdeck…");
  await expect(install).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  await expect(status).toHaveText(/^Pilotdeck is installed on this device: open it from its icon\./);
});

test("an offer to install made before the app has started is kept for Settings", async ({ page, context }) => {
  // Offered as soon as the page is parsed: before any module script runs, so before the wasm.
  await context.addInitScript(() => {
    const w = window as unknown as { prompted: number; offer: Event; appStarted: boolean };
    w.prompted = 0;
    document.addEventListener("readystatechange", () => {
      if (document.readyState !== "interactive") return;
      w.appStarted = performance.getEntriesByName("pilotdeck:start").length > 0;
      const offer = new Event("beforeinstallprompt", { cancelable: true });
      Object.assign(offer, {
        prompt: async () => {
          w.prompted += 1;
        },
        userChoice: Promise.resolve({ outcome: "dismissed", platform: "web" }),
      });
      w.offer = offer;
      window.dispatchEvent(offer);
    });
  });
  await page.goto("/");
  await expect(new PortfolioPage(page).heading).toBeVisible();
  const early = await page.evaluate(() => {
    const w = window as unknown as { offer?: Event; appStarted?: boolean; pilotdeckInstallOffer?: Event };
    return { offered: w.offer !== undefined, appStarted: w.appStarted, kept: w.offer?.defaultPrevented, left: "pilotdeckInstallOffer" in w };
  });
  // Offered before the app started, its default (the browser's banner) prevented, and taken by the app.
  expect(early).toEqual({ offered: true, appStarted: false, kept: true, left: false });
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("install-status")).toHaveText(/^Install Pilotdeck to open it from its own icon and window/);
  await page.getByRole("button", { name: "Install Pilotdeck" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
});

test("in the installed app's window, Settings says so", async ({ page, context }) => {
  await context.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      query === "(display-mode: standalone)" ? ({ ...real(query), matches: true, media: query } as MediaQueryList) : real(query);
  });
  await page.goto("/settings");
  await expect(page.getByTestId("install-status")).toHaveText(/^This window is Pilotdeck installed as an app\./);
  await expect(page.getByRole("button", { name: "Install Pilotdeck" })).toHaveCount(0);
});

test.describe("when the browser refuses the service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("Settings says the app could not be kept for offline use", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("offline-status")).toHaveText(/^This browser could not keep a copy of Pilotdeck for offline use, so it needs a network to open\./);
  });
});

test("a new version says it is ready and waits for a reload", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await controlled(page);
  await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(9);
  await expect(page.getByTestId("update-banner")).toHaveCount(0);

  await page.request.get("/__test/deploy-next-build");
  await page.reload();
  const banner = page.getByTestId("update-banner");
  await expect(banner).toContainText("A new version is ready — reload");
  // Until the user chooses, the page stays on the version it opened with, and works.
  await portfolio.openPlan(northwind);
  await expect(banner).toContainText("A new version is ready — reload");
  await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
  // An edit typed just before pressing Reload is kept: the page saves before it goes.
  await page.getByRole("button", { name: "Edit partner" }).click();
  await page.getByLabel("Notes").fill("Typed just before the reload");
  await banner.getByRole("button", { name: "Reload" }).click();
  await expect(banner).toHaveCount(0);
  await expect(new PlanPage(page).title).toHaveText(northwind);
  expect(await page.evaluate(() => localStorage.getItem("pilotdeck/v1/plans/example-telco-northwind"))).toContain(
    "Typed just before the reload",
  );
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null)))
    .toBeNull();
  // The page was reloaded into the new version, not switched under the user before.
  await expect.poll(() => page.evaluate(() => "beforeReload" in window)).toBe(false);
});
