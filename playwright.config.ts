// End-to-end tests drive the release build (dist/) in the system's Chromium, the way a user does.
// sub-path.spec.ts drives the same app built for a sub-path (target/dist-subpath/, made with
// `trunk build --release --public-url /pilotdeck/`), served from /pilotdeck/ on the next port.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, QUIET_CHROMIUM } from "./tests/e2e/fixtures/chromium.mjs";

const port = Number(process.env.PILOTDECK_E2E_PORT ?? 4173);
const subPathPort = port + 1;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  outputDir: "target/e2e-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: QUIET_CHROMIUM,
    },
  },
  projects: [
    { name: "root", testIgnore: "sub-path.spec.ts" },
    {
      name: "sub-path",
      testMatch: "sub-path.spec.ts",
      use: { baseURL: `http://127.0.0.1:${subPathPort}/pilotdeck/` },
    },
  ],
  webServer: [
    {
      command: `node tests/e2e/serve.mjs dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Ready once it listens, not once the page answers: a spec run without that build (it is
      // made by scripts/test) should not wait on it; sub-path.spec.ts fails on "Not found" instead.
      command: `node tests/e2e/serve.mjs target/dist-subpath ${subPathPort} /pilotdeck/`,
      port: subPathPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
