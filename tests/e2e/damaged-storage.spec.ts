// Journey: the browser's storage is damaged, disabled or full, or an edit leaves a plan in a
// shape that loading would refuse. Pilotdeck still opens, says what happened, and loses nothing.
import { test, expect } from "./fixtures/test";
import { PlanPage, PortfolioPage } from "./fixtures/pages";

test("a damaged stored plan is set aside untouched and the others still load", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await expect(portfolio.cards).toHaveCount(added);
  await portfolio.waitForSaved(added);
  const victim = (await portfolio.summary())[0];

  const key = `pilotdeck/v1/plans/${victim.id}`;
  await page.evaluate((k) => localStorage.setItem(k, '{"schema_version":1,"plan":{"id":'), key);
  await page.reload();

  const banner = page.getByTestId("storage-banner");
  await expect(banner).toContainText("One stored value could not be read");
  await expect(banner).toContainText(key);
  await expect(portfolio.cards).toHaveCount(added - 1);
  const kept = await page.evaluate(
    (k) => ({ original: localStorage.getItem(k), aside: localStorage.getItem(`pilotdeck/v1/quarantine/plans/${k.split("/").pop()}`) }),
    key,
  );
  expect(kept.aside).toBe('{"schema_version":1,"plan":{"id":');
  expect(kept.original).toBeNull();
  await checkAccessibility();

  // The unreadable value can be downloaded as it was.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download unreadable data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pilotdeck-unreadable-\d{4}-\d{2}-\d{2}\.json$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const content = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  expect(Object.values(content)).toContain('{"schema_version":1,"plan":{"id":');
});

test("a plan saved by a newer Pilotdeck opens everything read-only and is left where it is", async ({ page }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(added);
  const { id } = (await portfolio.summary())[2];
  const key = `pilotdeck/v1/plans/${id}`;
  const newer = await page.evaluate((k) => {
    const value = JSON.parse(localStorage.getItem(k)!);
    value.schema_version = 3;
    localStorage.setItem(k, JSON.stringify(value));
    return localStorage.getItem(k);
  }, key);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.reload();

  await expect(page.getByTestId("storage-banner").filter({ hasText: "Read-only." })).toBeVisible();
  const unreadable = page.getByTestId("storage-banner").filter({ hasText: "could not be read" });
  await expect(unreadable).toContainText("saved by a newer Pilotdeck (schema_version 3)");
  await expect(unreadable).toContainText("left untouched where they are");
  await expect(unreadable.getByRole("button", { name: "Discard" })).toHaveCount(0);
  await expect(portfolio.cards).toHaveCount(added - 1);
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(newer);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
});

test("with storage disabled the app runs in memory and says changes will not be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  await expect(page.getByTestId("storage-banner")).toContainText("Changes will not be kept");
  const added = await portfolio.loadExamplePortfolio();
  await expect(portfolio.cards).toHaveCount(added);
  // Settings says where the plans are, and promises nothing about this browser's storage.
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("storage-where")).toHaveText(/^This browser does not let Pilotdeck use its storage here, so plans live only in this tab/);
  await expect(page.getByTestId("persistence")).toHaveCount(0);
  await expect(page.getByTestId("storage-used")).toHaveCount(0);
  await expect(page.getByTestId("offline-status")).not.toContainText("kept in this browser");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  // Staying keeps the plans that live only in this tab (and the test ends on a settled page).
  await page.getByRole("link", { name: "Plans" }).click();
  await expect(portfolio.cards).toHaveCount(added);
});

test("when every write fails, edits stay on screen and a banner says they are not saved", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await expect(page.getByTestId("save-banner")).toContainText("Browser storage is full");
  await expect(portfolio.cards).toHaveCount(added);

  // The edits live only in this tab: the browser asks before closing it, and staying keeps them.
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(portfolio.cards).toHaveCount(added);
});

test("an edit that would not load again is said, kept on screen, and never stored over the plan", async ({ page, checkAccessibility }) => {
  const portfolio = new PortfolioPage(page);
  await portfolio.open();
  const added = await portfolio.loadExamplePortfolio();
  await portfolio.waitForSaved(added);
  const { id, name } = (await portfolio.summary())[0];
  const key = `pilotdeck/v1/plans/${id}`;
  const storedName = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "{}").plan?.name, key);
  await portfolio.openPlan(name);
  await page.getByRole("button", { name: "Edit partner" }).click();
  const field = page.getByLabel("Pilot name");

  // A name cannot be typed or pasted past its limit (200 characters), which loading enforces.
  await field.fill("N".repeat(250));
  await expect(field).toHaveValue("N".repeat(200));
  await expect.poll(storedName).toBe("N".repeat(200));

  // Without a name the plan would be set aside on the next load: it is not written.
  await field.fill("   ");
  await expect(page.locator("#edit-plan-name-problem")).toHaveText("A pilot needs a name. Until it has one, it is not saved.");
  const banner = page.getByTestId("unsaved-banner");
  await expect(banner).toContainText("is not saved");
  await expect(banner).toContainText("name: a plan needs a name.");
  expect(await storedName()).toBe("N".repeat(200));
  await checkAccessibility();

  await page.reload();
  await expect(new PlanPage(page).title).toHaveText("N".repeat(200));
  await expect(page.getByTestId("storage-banner")).toHaveCount(0);
  await expect(banner).toHaveCount(0);

  // Fixed, it is saved again and the banner goes.
  await page.getByRole("button", { name: "Edit partner" }).click();
  await field.fill("   ");
  await expect(banner).toBeVisible();
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await field.fill("Renamed pilot");
  await expect(banner).toHaveCount(0);
  await expect.poll(storedName).toBe("Renamed pilot");

  // Everything is stored: the tab closes without asking.
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual([]);
});
