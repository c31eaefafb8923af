// Journey: a partner manager shares a plan live with the partner's champion through the team's
// sync server (the real one, started here), and both edit it: on a working connection, both
// offline at once, across a server restart. A third person joins afterwards and gets the whole
// plan, the partner never receives what is internal, and a remote participant follows the
// facilitator's workshop on their own screen.
import { test, expect } from "./fixtures/test";
import { PortfolioPage, WorkshopWindow, downloadOf } from "./fixtures/pages";
import { SyncServer } from "./fixtures/sync-server.mjs";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { readFileSync } from "node:fs";

type ExamplePlan = {
  id: string;
  name: string;
  partner: { notes: string };
  steps: { id: string; title: string }[];
  log: { id: string; text: string; internal?: boolean }[];
};
const example = JSON.parse(readFileSync("public/examples/portfolio.json", "utf8")) as { plans: ExamplePlan[] };
const northwind = example.plans.find((p) => p.id === "example-telco-northwind")!;

let server: SyncServer;
// Two or three people, each with their own browser, a server restart and its reconnection.
test.setTimeout(90_000);
test.beforeEach(async () => {
  server = await SyncServer.start();
});
test.afterEach(async () => {
  await server.dispose();
});

/** One person: their own browser context (their own storage), named in Settings. */
class Person {
  readonly problems: string[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** `prepare` runs on the new context before its first page opens (to hold back a module). */
  static async open(browser: Browser, name: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await prepare?.(context);
    const page = await context.newPage();
    const person = new Person(context, page);
    page.on("pageerror", (error) => person.problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // A connection to the sync server that fails while it is stopped or the network is off
      // is said on the page; Chromium also logs it.
      if (message.type() === "error" && !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}' failed/.test(message.text())) {
        person.problems.push(`console error: ${message.text()}`);
      }
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("http://127.0.0.1")) person.problems.push(`request outside the app: ${request.url()}`);
    });
    await page.goto("/settings");
    await page.getByLabel("Display name").fill(name);
    await page.getByLabel("Display name").blur();
    return person;
  }

  status(): Locator {
    return this.page.getByTestId("live-status");
  }

  presence(): Locator {
    return this.page.getByTestId("presence");
  }

  region(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  step(title: string): Locator {
    return this.page.getByTestId("step").filter({ hasText: title });
  }

  /** The Foundation form's objective field, the form opened for editing. */
  async objectiveField(): Promise<Locator> {
    const foundation = this.region("Foundation");
    const edit = foundation.getByRole("button", { name: "Edit" });
    if (await edit.isVisible()) await edit.click();
    return foundation.getByLabel("Shared objective");
  }

  async setObjective(text: string) {
    await (await this.objectiveField()).fill(text);
  }

  /** Waits until the app's service worker controls the page, so it reloads offline. A page
   * that was loading while the worker installed is taken over at its next load. */
  async keptForOffline() {
    await this.page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await this.page.evaluate(() => navigator.serviceWorker.controller !== null))) await this.page.reload();
    await expect.poll(() => this.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  }

  async addStep(title: string) {
    const steps = this.region("Next steps");
    await steps.getByLabel("New step").fill(title);
    await steps.getByRole("button", { name: "Add step" }).click();
    await expect(this.step(title)).toBeVisible();
  }

  /** The plan as "Export plan" downloads it, without what only this device holds. */
  async exportedShared(): Promise<unknown> {
    const file = await downloadOf(this.page, () => this.page.getByRole("button", { name: "Export plan" }).click());
    const exported = JSON.parse(file.text) as { plans: Record<string, unknown>[] };
    return exported.plans.map((plan) => sharedPart(plan));
  }

  async close() {
    expect(this.problems, "no errors and no requests outside the app").toEqual([]);
    await this.context.close();
  }
}

/** Maya loads the example plans, opens Northwind and shares it live; returns the link.
 * `whileConnecting` runs once "Share live" is pressed, before the plan is synced. */
async function shareNorthwind(maya: Person, whileConnecting?: () => Promise<void>): Promise<string> {
  const portfolio = new PortfolioPage(maya.page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(added);
  await portfolio.openPlan(northwind.name);
  const panel = maya.page.getByRole("region", { name: "Work on it together" });
  await expect(panel.getByTestId("live-partner-sees")).toContainText("internal");
  await panel.getByLabel("Sync server address").fill(server.address);
  await panel.getByRole("button", { name: "Share live" }).click();
  await whileConnecting?.();
  await expect(maya.status()).toHaveText("Synced");
  const link = await panel.getByTestId("live-link").inputValue();
  expect(link).toMatch(new RegExp(`/join#ws://127\\.0\\.0\\.1:${server.port}/[0-9a-f]{32}$`));
  return link;
}

/** What both sides of a shared plan hold alike: the plan without its internal content and
 * without the local revision counters. */
function sharedPart(plan: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(plan) as Record<string, unknown> & {
    partner: { notes?: string };
    log: { internal?: boolean }[];
  };
  delete copy.rev;
  delete copy.updated_at;
  delete copy.example;
  copy.partner.notes = "";
  copy.log = copy.log.filter((entry) => !entry.internal);
  return copy;
}

/** Ends a person's connection to the network and back, as the browser reports it. */
async function offline(person: Person, off: boolean) {
  await person.context.setOffline(off);
  await expect.poll(() => person.page.evaluate(() => navigator.onLine)).toBe(!off);
}

test("a plan shared live is joined from its link, edited both ways, and left by either side", async ({ browser, checkAccessibility }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const link = await shareNorthwind(maya);

  const sam = await Person.open(browser, "Sam Reyes");
  await sam.page.goto(link);
  await expect(sam.page.getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await expect(sam.status()).toHaveText("Synced");
  await expect(sam.presence()).toHaveText("Here now: Maya Okafor");
  await expect(maya.presence()).toHaveText("Here now: Sam Reyes");
  // The plan's heading says it too, without scrolling to the panel.
  await expect(sam.page.getByTestId("live-strip")).toHaveText(/^Shared live\s*Synced\s*Here now: Maya Okafor/);
  await checkAccessibility(sam.page);
  await checkAccessibility(maya.page);

  // Maya types, Sam sees it; Sam adds a step, Maya sees it.
  await maya.setObjective("Prove bundled bookings cut SMB churn in one region");
  await sam.region("Foundation").getByRole("button", { name: "Edit" }).click();
  await expect(sam.region("Foundation").getByLabel("Shared objective")).toHaveValue(
    "Prove bundled bookings cut SMB churn in one region",
  );
  await sam.addStep("Send the SKU list for the bundle");
  await expect(maya.step("Send the SKU list for the bundle")).toBeVisible();
  // Sam ticks off a step; Maya's copy says it is done.
  const partnerStep = northwind.steps[8].title;
  await sam.step(partnerStep).getByRole("button", { name: /^Done/ }).click();
  await expect(maya.step(partnerStep)).toContainText("Done");
  await expect(maya.status()).toHaveText("Synced");

  // The joined plan is in Sam's portfolio, marked as shared.
  await sam.page.getByRole("link", { name: "Portfolio" }).click();
  const card = new PortfolioPage(sam.page).card(northwind.name);
  await expect(card.locator(".tag-shared")).toHaveText("Shared");
  await new PortfolioPage(sam.page).openPlan(northwind.name);

  // Sam leaves: his copy stays as an ordinary plan, and Maya sees him go.
  await sam.region("Work on it together").getByRole("button", { name: "Stop sharing" }).click();
  await expect(sam.region("Work on it together").getByRole("button", { name: "Share live" })).toBeVisible();
  await expect(sam.step("Send the SKU list for the bundle")).toBeVisible();
  await expect(maya.presence()).toHaveText("Nobody else has it open right now.");
  await maya.setObjective("Changed after Sam left");
  await sam.region("Foundation").getByRole("button", { name: "Edit" }).click();
  await expect(sam.region("Foundation").getByLabel("Shared objective")).toHaveValue(
    "Prove bundled bookings cut SMB churn in one region",
  );

  await maya.close();
  await sam.close();
});

/** Holds back the sync engine's module (scripts/split.mjs names it pilotdeck-sync-<digest>.wasm)
 * in a context until the returned function is called. */
function holdEngine(): { prepare: (context: BrowserContext) => Promise<void>; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const prepare = async (context: BrowserContext) => {
    await context.route(/\/pilotdeck-sync-[0-9a-f]{16}\.wasm$/, async (route) => {
      await released;
      await route.continue();
    });
  };
  return { prepare, release: () => release() };
}

test("sharing and joining before the sync engine has arrived wait for it, then go on", async ({ browser }) => {
  // The engine is not in the module a first visit downloads: until it arrives, a plan shared or
  // joined says it is connecting, and nothing is lost.
  const mayas = holdEngine();
  const maya = await Person.open(browser, "Maya Okafor", mayas.prepare);
  const link = await shareNorthwind(maya, async () => {
    await expect(maya.status()).toHaveText("Connecting…");
    await maya.setObjective("Typed before the engine arrived");
    mayas.release();
  });

  const sams = holdEngine();
  const sam = await Person.open(browser, "Sam Reyes", sams.prepare);
  await sam.page.goto(link);
  await expect(sam.status()).toHaveText("Connecting…");
  sams.release();
  await expect(sam.page.getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  await expect(sam.status()).toHaveText("Synced");
  await sam.region("Foundation").getByRole("button", { name: "Edit" }).click();
  await expect(sam.region("Foundation").getByLabel("Shared objective")).toHaveValue("Typed before the engine arrived");
  await sam.close();
  await maya.close();
});

test("what is internal never reaches the partner, before or after sharing", async ({ browser }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const internal = northwind.log.find((entry) => entry.internal)!;
  const link = await shareNorthwind(maya);
  // The panel said it before sharing; the link's panel says it again.
  await expect(maya.region("Work on it together")).toContainText("our notes about the partner");

  const partner = await Person.open(browser, "Sam Reyes");
  const received: Buffer[] = [];
  partner.page.on("websocket", (socket) => {
    socket.on("framereceived", (frame) => {
      received.push(typeof frame.payload === "string" ? Buffer.from(frame.payload) : frame.payload);
    });
  });
  await partner.page.goto(link);
  await expect(partner.status()).toHaveText("Synced");

  // An internal entry logged after sharing stays with Maya; an ordinary one reaches Sam.
  const history = maya.region("History");
  await history.getByLabel("In one line").fill("Their CFO is sceptical of the bundle price");
  await history.getByLabel("Internal").check();
  await history.getByRole("button", { name: "Log", exact: true }).click();
  await history.getByLabel("In one line").fill("Agreed the pilot region: Leeds");
  await history.getByLabel("Internal").uncheck();
  await history.getByRole("button", { name: "Log", exact: true }).click();
  await expect(partner.page.getByTestId("log-entry").filter({ hasText: "Agreed the pilot region: Leeds" })).toBeVisible();

  const secrets = [northwind.partner.notes.slice(0, 40), internal.text.slice(0, 40), "Their CFO is sceptical"];
  const frames = Buffer.concat(received).toString("utf8");
  const stored = JSON.stringify(await partner.page.evaluate(() => ({ ...localStorage })));
  const shown = await partner.page.locator("body").innerText();
  for (const secret of secrets) {
    expect(frames, "no frame the partner received").not.toContain(secret);
    expect(stored, "nothing the partner stored").not.toContain(secret);
    expect(shown, "nothing the partner sees").not.toContain(secret);
  }
  expect(frames).toContain("Agreed the pilot region: Leeds");
  // Maya still has all of it.
  await expect(maya.page.getByTestId("log-entry").filter({ hasText: "Their CFO is sceptical" })).toBeVisible();

  await maya.close();
  await partner.close();
});

test("both offline, both edit, and on reconnecting both keep every edit", async ({ browser }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const link = await shareNorthwind(maya);
  const sam = await Person.open(browser, "Sam Reyes");
  await sam.page.goto(link);
  await expect(sam.status()).toHaveText("Synced");
  await sam.keptForOffline();
  const start = "Win SMB bundles";
  await maya.setObjective(start);
  await sam.region("Foundation").getByRole("button", { name: "Edit" }).click();
  await expect(sam.region("Foundation").getByLabel("Shared objective")).toHaveValue(start);

  await offline(maya, true);
  await offline(sam, true);
  await expect(maya.status()).toHaveText("Offline");
  await expect(sam.status()).toHaveText("Offline");

  // Both type into the objective, each adds a step, and each changes a different field of the
  // same step.
  await maya.setObjective(`${start} — in Leeds first`);
  await sam.region("Foundation").getByLabel("Shared objective").fill(`Q1: ${start}`);
  await maya.addStep("Maya's offline step");
  await sam.addStep("Sam's offline step");
  const shared = northwind.steps[9].title;
  await maya.step(shared).getByRole("button", { name: "Edit" }).click();
  await maya.step(shared).getByLabel("Owner's name").fill("Priya Shah");
  await sam.step(shared).getByRole("button", { name: "Edit" }).click();
  await sam.step(shared).getByLabel("Due").fill("2027-01-15");
  await expect(maya.status()).toHaveText(/^Offline — \d+ changes? waiting$/);
  await expect(sam.status()).toHaveText(/^Offline — \d+ changes? waiting$/);
  // A reload while offline keeps what Sam typed, still waiting to be sent.
  await sam.page.reload();
  await expect(sam.step("Sam's offline step")).toBeVisible();
  await expect(sam.status()).toHaveText(/^Offline — \d+ changes? waiting$/);

  await offline(maya, false);
  await offline(sam, false);
  for (const person of [maya, sam]) {
    await expect(person.status()).toHaveText("Synced");
    await expect(await person.objectiveField()).toHaveValue(`Q1: ${start} — in Leeds first`);
    await expect(person.step("Maya's offline step")).toBeVisible();
    await expect(person.step("Sam's offline step")).toBeVisible();
  }
  await expect.poll(async () => JSON.stringify(await maya.exportedShared())).toBe(JSON.stringify(await sam.exportedShared()));
  const both = (await maya.exportedShared()) as { steps: { title: string; owner_name: string; due_on: string }[] }[];
  const step = both[0].steps.find((s) => s.title === shared)!;
  expect([step.owner_name, step.due_on]).toEqual(["Priya Shah", "2027-01-15"]);

  await maya.close();
  await sam.close();
});

test("a server restart loses nothing, and someone joining afterwards gets the whole plan", async ({ browser }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const link = await shareNorthwind(maya);
  const sam = await Person.open(browser, "Sam Reyes");
  await sam.page.goto(link);
  await expect(sam.status()).toHaveText("Synced");
  await sam.addStep("Before the restart");
  await expect(maya.step("Before the restart")).toBeVisible();

  await server.stop();
  const unreachable = `Can't reach the sync server at ${server.address}`;
  await expect(maya.status()).toHaveText(unreachable);
  await maya.addStep("While the server was down");
  await expect(maya.status()).toHaveText(/^Can't reach the sync server at .* — \d+ changes? waiting$/);

  await server.restart();
  // Reconnecting backs off up to 15 s between tries.
  await expect(maya.status()).toHaveText("Synced", { timeout: 30_000 });
  await expect(sam.status()).toHaveText("Synced", { timeout: 30_000 });
  await expect(sam.step("While the server was down")).toBeVisible();

  const ana = await Person.open(browser, "Ana Lima");
  await ana.page.goto(link);
  await expect(ana.page.getByRole("heading", { level: 1 })).toHaveText(northwind.name);
  for (const title of ["Before the restart", "While the server was down", ...northwind.steps.map((s) => s.title)]) {
    await expect(ana.step(title)).toBeVisible();
  }
  await expect(ana.presence()).toHaveText("Here now: Maya Okafor, Sam Reyes");

  await maya.close();
  await sam.close();
  await ana.close();
});

test("a remote participant follows the facilitator's workshop and adds to it", async ({ browser, checkAccessibility }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const link = await shareNorthwind(maya);
  await maya.page.getByRole("button", { name: "Workshop mode" }).click();
  const facilitator = new WorkshopWindow(maya.page);
  await facilitator.expectSlide(1, northwind.name);

  const sam = await Person.open(browser, "Sam Reyes");
  await sam.page.goto(link);
  await expect(sam.status()).toHaveText("Synced");
  await sam.page.getByRole("button", { name: "Workshop mode" }).click();
  const participant = new WorkshopWindow(sam.page);
  const follow = sam.page.getByLabel("Follow the facilitator (Maya Okafor)");
  await expect(follow).toBeChecked();
  await expect(sam.presence()).toHaveText("Here now: Maya Okafor");
  await expect(maya.presence()).toHaveText("Here now: Sam Reyes");
  // Maya leads: nobody else leads, so she has nobody to follow.
  await expect(maya.page.getByLabel(/Follow the facilitator/)).toHaveCount(0);
  await checkAccessibility(sam.page);

  await maya.page.keyboard.press("ArrowRight");
  await maya.page.keyboard.press("ArrowRight");
  await facilitator.expectSlide(3, "Timing");
  await participant.expectSlide(3, "Timing");
  await maya.page.getByRole("button", { name: "Start timer" }).click();
  await expect(participant.timer).toContainText("Running");

  // On the parking lot slide, Sam parks an idea; it is on Maya's screen too.
  await maya.page.keyboard.press("End");
  await maya.page.keyboard.press("ArrowLeft");
  await participant.expectSlide(7, "Parking lot");
  await participant.slide.getByPlaceholder("Park an idea for later").fill("Bundle for the public sector");
  await participant.slide.getByRole("button", { name: "Park it" }).click();
  await expect(facilitator.slide).toContainText("Bundle for the public sector");

  // Moving on his own, Sam stops following; ticking the box brings him back.
  await sam.page.getByRole("button", { name: "Previous slide" }).click();
  await participant.expectSlide(6, "Motion");
  await expect(follow).not.toBeChecked();
  await maya.page.keyboard.press("ArrowRight");
  await participant.expectSlide(6, "Motion");
  await follow.check();
  await participant.expectSlide(8, "Agreed next steps");

  await maya.close();
  await sam.close();
});

test("a server this copy of Pilotdeck may not reach is refused with a sentence, before anything is sent", async ({ browser }) => {
  const maya = await Person.open(browser, "Maya Okafor");
  const portfolio = new PortfolioPage(maya.page);
  await portfolio.open();
  await portfolio.waitForSaved(await portfolio.loadExamplePortfolio());
  await portfolio.openPlan(northwind.name);
  const panel = maya.region("Work on it together");
  await panel.getByLabel("Sync server address").fill("wss://sync.example.org");
  await panel.getByRole("button", { name: "Share live" }).click();
  await expect(panel.getByText(/may reach only ws:\/\/127\.0\.0\.1:\*, not wss:\/\/sync\.example\.org/)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Share live" })).toBeVisible();
  await expect(maya.status()).toHaveCount(0);

  // A join link to such a server says the same and changes nothing.
  await maya.page.goto("/join#wss://sync.example.org/0123456789abcdef0123456789abcdef");
  await expect(maya.page.getByTestId("join-error")).toContainText("may reach only ws://127.0.0.1:*");
  await maya.close();
});
