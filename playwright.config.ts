import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, ensureChromium } from "./src/tooling/chromium";
import { SITE_BASE } from "./tests/support/site-pages";

// The config is loaded by the runner and again by every worker; only the
// first load searches (and perhaps installs), the rest inherit the result.
if (!process.env.LESSONS_CHROMIUM) {
  process.env.LESSONS_CHROMIUM = ensureChromium();
  console.log(`[e2e] Using Chromium at ${process.env.LESSONS_CHROMIUM}`);
}

const port = Number(process.env.E2E_PORT ?? 4330);
/** The built site to serve: dist/, or the folder a base build went to (E2E_OUT_DIR=dist-base, with its BASE_PATH). */
const outDir = process.env.E2E_OUT_DIR || "dist";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // The origin only: tests build full addresses, base included, with `site` (tests/support/site-pages.ts).
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.LESSONS_CHROMIUM, args: chromiumArgs() },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Tests run against the built site; `npm test` builds it first. --ignore-lock
    // lets the tests run beside a preview server the developer already has open.
    // astro preview reads BASE_PATH through astro.config.mjs and serves the site under it.
    command: `astro preview --port ${port} --ignore-lock --outDir ${outDir}`,
    url: `http://localhost:${port}${SITE_BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
