import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, ensureChromium } from "./tests/support/chromium";

// The config is loaded by the runner and again by every worker; only the
// first load searches (and perhaps installs), the rest inherit the result.
if (!process.env.LESSONS_CHROMIUM) {
  process.env.LESSONS_CHROMIUM = ensureChromium();
  console.log(`[e2e] Using Chromium at ${process.env.LESSONS_CHROMIUM}`);
}

const port = Number(process.env.E2E_PORT ?? 4330);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.LESSONS_CHROMIUM, args: chromiumArgs() },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Tests run against the built site; `npm test` builds it first. --ignore-lock
    // lets the tests run beside a preview server the developer already has open.
    command: `astro preview --port ${port} --ignore-lock`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
