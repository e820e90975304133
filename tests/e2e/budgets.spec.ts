import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { budgetsFor } from "../../src/quality/budgets";
import { htmlFileOf, pageWeight, type PageWeight } from "../../src/quality/page-weight";
import { NOT_FOUND_PAGE, sitePages } from "../support/site-pages";

const DIST = join(import.meta.dirname, "../../dist");

/** Built pages, without the search states (same file) and with the 404 page's own file. */
async function builtPages(baseURL: string): Promise<string[]> {
  const pages = (await sitePages(baseURL)).filter((path) => !path.includes("?") && path !== NOT_FOUND_PAGE);
  return [...pages, "/404.html"];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function overBudget(weight: PageWeight): string[] {
  const measured = {
    jsBeforeInteraction: weight.js.raw,
    css: weight.css.raw,
    totalGzip: weight.total.gzip,
    totalRaw: weight.total.raw,
  };
  return Object.entries(budgetsFor(weight.page))
    .filter(([name, budget]) => measured[name as keyof typeof measured] > budget)
    .map(
      ([name, budget]) =>
        `${weight.page}: ${name} is ${kib(measured[name as keyof typeof measured])}, over its budget of ${kib(budget)}`,
    );
}

test("every page stays within the byte budgets of src/quality/budgets.ts", async ({ baseURL }) => {
  const problems = (await builtPages(baseURL!)).flatMap((page) => overBudget(pageWeight(DIST, page)));
  expect(problems, problems.join("\n")).toEqual([]);
});

test("the budgets count everything a browser loads before interaction", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const missed: string[] = [];
  for (const path of await builtPages(baseURL!)) {
    const requested = new Set<string>();
    const listener = (request: { url: () => string }) => {
      const url = new URL(request.url());
      if (url.origin === baseURL) requested.add(url.pathname);
    };
    page.on("request", listener);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    page.off("request", listener);

    const counted = new Set(pageWeight(DIST, path).resources.map((resource) => resource.path));
    const document = htmlFileOf(path);
    for (const url of requested) {
      const file = url === path ? document : url;
      if (!counted.has(file)) missed.push(`${path}: the browser loaded ${url}, which the budget does not count`);
    }
    expect(requested.size, `requests seen on ${path}`).toBeGreaterThan(1);
  }
  expect(missed, missed.join("\n")).toEqual([]);
});
