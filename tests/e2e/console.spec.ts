import { expect, test, type Page } from "@playwright/test";
import { NOT_FOUND_PAGE, sitePages } from "../support/site-pages";

/** Records console errors, uncaught exceptions and failed requests of the page's own origin. */
function recordErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  // The 404 page is meant to answer 404, and Chromium logs that; what it loads must not fail.
  const expected404 = new URL(NOT_FOUND_PAGE, origin).href;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().includes("status of 404") && message.location().url === expected404) return;
    errors.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught ${error.name}: ${error.message}`));
  page.on("requestfailed", (request) =>
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && response.url() === expected404 && response.status() === 404) return;
    if (response.url().startsWith(origin) && response.status() >= 400) {
      errors.push(`${response.status()} for ${response.url()}`);
    }
  });
  return errors;
}

test("no page logs an error, throws, or loads something missing, before or after search is loaded", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const errors = recordErrors(page, baseURL!);
  const found: string[] = [];
  for (const path of await sitePages(baseURL!)) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Reach for search: "/" loads the search code and the index, then a query runs.
    await page.keyboard.press("/");
    await page.keyboard.type("event loop");
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-search-results] li").first()).toBeVisible();
    found.push(...errors.splice(0).map((error) => `${path}: ${error}`));
  }
  expect(found, found.join("\n")).toEqual([]);
});
