// What every post-build step (scripts/post-build.mjs) shares: the folder Trunk builds into before
// it moves the build to dist/ (TRUNK_STAGING_DIR, set for its hooks), the page in it, and one way
// to stop the build with a message naming the step.
import { join } from "node:path";

/**
 * The staging folder and its index.html for the step in `scripts/<step>`, and `fail(message)`,
 * which ends the build. A step run by hand, outside a Trunk hook, ends at once.
 */
export function staged(step) {
  const fail = (message) => {
    console.error(`scripts/${step}: ${message}`);
    process.exit(1);
  };
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail("TRUNK_STAGING_DIR is not set (run this as a Trunk hook)");
  return { staging, page: join(staging, "index.html"), fail };
}
