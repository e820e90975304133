import { expect, test } from "@playwright/test";
import { overBudgets } from "../../src/quality/budgets";
import { htmlFileOf, pageWeight } from "../../src/quality/page-weight";
import { kib } from "../../src/bench/report";
import { BUILT_SITE, builtPath, crawledPages, site, SITE_BASE } from "../support/site-pages";

/** Built pages, without the search states (same file) and with the 404 page's own file. */
async function builtPages(baseURL: string): Promise<string[]> {
  return [...(await crawledPages(baseURL)), site.page("404.html")];
}

test("every page stays within the byte budgets of src/quality/budgets.ts", async ({ baseURL }) => {
  const problems = (await builtPages(baseURL!)).flatMap((page) =>
    overBudgets(pageWeight(BUILT_SITE, builtPath(page), SITE_BASE)).map(
      ({ name, measured, budget }) => `${page}: ${name} is ${kib(measured)}, over its budget of ${kib(budget)}`,
    ),
  );
  expect(problems, problems.join("\n")).toEqual([]);
});

test("the budgets count everything a browser loads before interaction", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const missed: string[] = [];
  for (const path of await builtPages(baseURL!)) {
    const requested = new Set<string>();
    const listener = (request: { url: () => string }) => {
      const url = new URL(request.url());
      if (url.origin === new URL(baseURL!).origin) requested.add(site.sitePath(url.pathname) ?? url.pathname);
    };
    page.on("request", listener);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    page.off("request", listener);

    const counted = new Set(
      pageWeight(BUILT_SITE, builtPath(path), SITE_BASE).resources.map((resource) => resource.path),
    );
    const document = htmlFileOf(builtPath(path));
    for (const url of requested) {
      const file = url === builtPath(path) ? document : url;
      if (!counted.has(file)) missed.push(`${path}: the browser loaded ${url}, which the budget does not count`);
    }
    expect(requested.size, `requests seen on ${path}`).toBeGreaterThan(1);
  }
  expect(missed, missed.join("\n")).toEqual([]);
});
