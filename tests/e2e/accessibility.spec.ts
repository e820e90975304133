import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { walkFocus } from "../support/focus";
import { site, sitePages } from "../support/site-pages";

/** axe-core's tags for the WCAG 2.0 and 2.1 success criteria at levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const MODES = [
  { name: "light scheme", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "dark scheme", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
  { name: "375 px phone, light", colorScheme: "light", viewport: { width: 375, height: 740 } },
  { name: "375 px phone, dark", colorScheme: "dark", viewport: { width: 375, height: 740 } },
] as const;

async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${where}: [${violation.impact}] ${violation.id}: ${violation.help}\n    at ${node.target.join(" ")}\n    ${node.failureSummary?.replace(/\n/g, "\n    ")}`,
    ),
  );
}

for (const mode of MODES) {
  test.describe(mode.name, () => {
    test.use({ colorScheme: mode.colorScheme, viewport: mode.viewport });

    test("axe finds no WCAG 2.1 A or AA violation on any page", async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      const pages = await sitePages(baseURL!);
      expect(pages.length).toBeGreaterThan(10);
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        // The search page fills itself from its address; check it with its results.
        if (path.startsWith(site.page("search/?")))
          await expect(page.locator("[data-search-page] [data-search-results] li").first()).toBeVisible();
        found.push(...(await violations(page, path)));
      }
      expect(found, found.join("\n")).toEqual([]);
    });

    test("on every page, Tab reaches the skip link first, then every interactive element, each with a visible focus indicator", async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(180_000);
      const found: string[] = [];
      for (const path of await sitePages(baseURL!)) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        const { stops, problems, unreached } = await walkFocus(page);
        if (!stops[0]?.startsWith('<a> "Skip to content"'))
          found.push(`${path}: the first Tab stop is ${stops[0]}, not the skip link`);
        found.push(...problems.map((problem) => `${path}: ${problem}`));
        found.push(...unreached.map((element) => `${path}: Tab never reaches ${element}`));
      }
      expect(found, found.join("\n")).toEqual([]);
    });

    test("axe finds no violation in the open search dropdown", async ({ page }) => {
      await page.goto(site.home);
      await page.keyboard.press("/");
      await page.keyboard.type("gather");
      await expect(page.locator("[data-search-panel] [data-search-results] a").first()).toBeVisible();
      const found = await violations(page, "the home page with the search dropdown open");
      expect(found, found.join("\n")).toEqual([]);
    });
  });
}
