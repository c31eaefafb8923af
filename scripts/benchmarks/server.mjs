// The release build served on localhost for a measurement (tests/e2e/serve.mjs, the same static
// server the end-to-end tests use), and the system's Chromium for Playwright with the flags the
// end-to-end tests use.
import { spawn } from "node:child_process";

export { CHROMIUM, QUIET_CHROMIUM } from "../../tests/e2e/fixtures/chromium.mjs";

/** Serves `dist` at http://127.0.0.1:`port` until `stop()` is called. */
export async function serve(dist, port) {
  const server = spawn("node", ["tests/e2e/serve.mjs", dist, String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop: () => server.kill() };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`the server did not answer at ${base}`);
}
