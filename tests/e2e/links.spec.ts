import { expect, test } from "@playwright/test";
import { checkLinks, formatLinkProblems, httpFetcher } from "../support/link-checker";
import { readLessons } from "../support/lessons";

const lessons = readLessons();

test("every internal link and #fragment resolves, crawling from /", async ({ baseURL }) => {
  const { pages, problems } = await checkLinks(baseURL!, "/", httpFetcher);
  expect(problems, formatLinkProblems(problems)).toEqual([]);
  for (const lesson of lessons) expect(pages).toContain(`/lessons/${lesson.id}/`);
  expect(pages).toContain("/path/");
  expect(pages).toContain("/keywords/");
});

test("sitemap.xml lists exactly the pages a reader can reach from /", async ({ baseURL, request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort();
  const { pages } = await checkLinks(baseURL!, "/", httpFetcher);
  expect(listed).toEqual([...pages].sort());
  expect(listed).not.toContain("/404/");
});

test("every page has a canonical URL of its own and a description", async ({ page, baseURL }) => {
  const { pages } = await checkLinks(baseURL!, "/", httpFetcher);
  const descriptions = new Map(lessons.map((lesson) => [`/lessons/${lesson.id}/`, lesson.data.description]));
  for (const path of pages) {
    await page.goto(path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname, `canonical of ${path}`).toBe(path);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length, `description of ${path}`).toBeGreaterThan(40);
    if (descriptions.has(path)) expect(description).toBe(descriptions.get(path));
  }
});

test("the 404 page has no canonical URL and asks not to be indexed", async ({ page }) => {
  await page.goto("/no-such-page/");
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
});
