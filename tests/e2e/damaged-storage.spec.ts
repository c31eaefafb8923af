// Journey: the browser's storage is damaged, disabled or full. Pilotdeck still opens, says what
// happened, and loses nothing.
import { test, expect } from "./fixtures/test";
import { PortfolioPage } from "./fixtures/pages";

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
});
