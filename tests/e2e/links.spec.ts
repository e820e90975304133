import { expect, test } from "@playwright/test";
import { checkLinks, formatLinkProblems, httpFetcher } from "../../src/quality/link-checker";
import { readLessons } from "../support/lessons";
import { BASE_PASS, site } from "../support/site-pages";

const lessons = readLessons();

test("every internal link and #fragment resolves, crawling from /", BASE_PASS, async ({ baseURL }) => {
  const { pages, problems } = await checkLinks(baseURL!, site.home, httpFetcher);
  expect(problems, formatLinkProblems(problems)).toEqual([]);
  for (const lesson of lessons) expect(pages).toContain(site.lesson(lesson.id));
  expect(pages).toContain(site.path);
  expect(pages).toContain(site.keywords);
});

test("sitemap.xml lists exactly the pages a reader can reach from /", BASE_PASS, async ({ baseURL, request }) => {
  const response = await request.get(site.page("sitemap.xml"));
  expect(response.status(), "sitemap.xml is written only with SITE_URL set (npm test sets it for its build)").toBe(200);
  const xml = await response.text();
  const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort();
  const { pages } = await checkLinks(baseURL!, site.home, httpFetcher);
  expect(listed).toEqual([...pages].sort());
  expect(listed).not.toContain(site.page("404/"));
});

test("every page has a canonical URL of its own and a description", BASE_PASS, async ({ page, baseURL }) => {
  // One visit per page: slow on a loaded machine.
  test.setTimeout(90_000);
  const { pages } = await checkLinks(baseURL!, site.home, httpFetcher);
  const descriptions = new Map(lessons.map((lesson) => [site.lesson(lesson.id), lesson.data.description]));
  for (const path of pages) {
    await page.goto(path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname, `canonical of ${path}`).toBe(path);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length, `description of ${path}`).toBeGreaterThan(40);
    if (descriptions.has(path)) expect(description).toBe(descriptions.get(path));
  }
});

test("the 404 page has no canonical URL and asks not to be indexed", BASE_PASS, async ({ page }) => {
  await page.goto(site.page("no-such-page/"));
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
});
