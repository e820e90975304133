/**
 * The Content-Security-Policy (src/security/csp.ts) lets the site's own
 * scripts run and nothing else: no page breaks its own policy, and a script
 * injected into a lesson page does not run.
 */
import { expect, test, type Page } from "@playwright/test";
import { site, sitePages } from "../support/site-pages";

const LESSON = site.lesson("async-await-intro");

const CSP_META = 'meta[http-equiv="content-security-policy"]';

/** Collects the page's CSP violation reports, from before its first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sample})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test("every page has its policy before any script, and breaks none of it, search included", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const violations = await recordViolations(page);
  const found: string[] = [];
  for (const path of await sitePages(baseURL!)) {
    await page.goto(path);
    const policy = await page.locator(`head > ${CSP_META}`).getAttribute("content");
    expect(policy, `${path} has no CSP meta in its head`).toContain("script-src 'self'");
    expect(policy).not.toContain("'unsafe-inline' 'self'");
    expect(policy!.split(";").find((directive) => directive.trim().startsWith("script-src"))).not.toContain(
      "unsafe-inline",
    );
    // A <meta> policy covers only what comes after it.
    const before = await page.evaluate((selector) => {
      const meta = document.querySelector(selector)!;
      return [...document.querySelectorAll("script, style, link[rel=stylesheet], link[rel=modulepreload]")].filter(
        (element) => meta.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING,
      ).length;
    }, CSP_META);
    expect(before, `${path}: scripts or styles before the CSP meta`).toBe(0);
    await page.keyboard.press("/");
    await page.keyboard.type("event loop");
    await expect(page.locator("[data-search-results] li").first()).toBeVisible();
    found.push(...(await violations()).map((violation) => `${path}: ${violation}`));
  }
  expect(found, found.join("\n")).toEqual([]);
});

/** Serves the lesson page with hostile markup added to its body, as a missed injection would. */
async function injectIntoLesson(page: Page, keepPolicy: boolean): Promise<void> {
  await page.route(`**${LESSON}`, async (route) => {
    const response = await route.fetch();
    let html = await response.text();
    if (!keepPolicy) html = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, "");
    html = html.replace(
      "</main>",
      `<script>window.injected = "inline script"</script>
       <img src="/favicon.svg" alt="" onload="window.injected = 'event handler'">
       <a id="hostile" href="javascript:window.injected = 'javascript: URL'">click</a>
       <script src="data:text/javascript,window.injected = 'data: script'"></script></main>`,
    );
    await route.fulfill({ response, body: html });
  });
}

test("a script injected into a lesson page does not run: inline, event handler, javascript: URL, data: script", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await injectIntoLesson(page, true);
  await page.goto(LESSON);
  await page.locator("#hostile").click();
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
  const seen = await violations();
  expect(seen.length, seen.join("\n")).toBeGreaterThanOrEqual(4);
  // The site's own scripts still run under the policy: the copy buttons are there.
  await expect(page.locator(".copy-button").first()).toBeVisible();
});

test("the injection test can fail: without the policy the same injection runs", async ({ page }) => {
  await injectIntoLesson(page, false);
  await page.goto(LESSON);
  await expect.poll(() => page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeDefined();
});
