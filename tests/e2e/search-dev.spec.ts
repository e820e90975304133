import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2ePort } from "../support/ports";
import { MESSAGES } from "../../src/search/messages";
import { site } from "../support/site-pages";

// `astro dev` serves pages but has no search index: that is made by the build.
test.describe.configure({ mode: "serial" });

const ROOT = join(import.meta.dirname, "../..");
const port = e2ePort(1);
// astro dev reads BASE_PATH as the build does, so it serves the site under the same base.
const origin = `http://localhost:${port}`;
const home = `${origin}${site.home}`;
let server: ChildProcess | undefined;
let output = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = spawn(join(ROOT, "node_modules/.bin/astro"), ["dev", "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_DEV_BACKGROUND: "0", ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`astro dev did not answer on ${home} within 90 s:\n${output}`);
    const up = await fetch(home).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The first visit makes Vite optimize dependencies and reload the page; get that over with.
  const warmUp = await browser.newPage();
  await warmUp.goto(home);
  await warmUp.waitForLoadState("networkidle");
  await warmUp.close();
});

test.afterAll(() => {
  // The dev server and the Vite processes it started form one process group.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("under astro dev, the search field says the index exists only after a build", async ({ page }) => {
  await page.goto(home);
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("/");
  const panel = page.locator("#site-search-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText(MESSAGES.devNoIndex);
  await expect(page.locator("[data-search-announcer]")).toHaveText(MESSAGES.devNoIndex);

  await page.goto(`${origin}${site.search("q=gather")}`);
  await expect(page.locator("main").getByRole("status")).toHaveText(MESSAGES.devNoIndex, { timeout: 30_000 });
});
