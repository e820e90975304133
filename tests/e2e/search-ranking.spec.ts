import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readLessons } from "../support/lessons";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";
import { serveDirectory } from "../../src/tooling/static-server";
import { e2ePort } from "../support/ports";
import { site } from "../support/site-pages";

const lessons = readLessons();

/** Result titles for a query typed into the search page, best first, once the page has answered. */
async function rankedTitles(page: Page, query: string): Promise<string[]> {
  await page.getByRole("searchbox", { name: "Search for" }).fill(query);
  await expect(page.locator("main").getByRole("status")).toHaveText(new RegExp(`found for “${escapeRegExp(query)}”`));
  return page.locator("main .search-result-link").allInnerTexts();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("on the course, every lesson that lists a keyword ranks above the lessons that only mention it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(site.search());
  const keywords = [...new Set(lessons.flatMap((lesson) => lesson.data.keywords))];
  let contested = 0;
  for (const keyword of keywords) {
    const listing = new Set(
      lessons.filter((lesson) => lesson.data.keywords.includes(keyword)).map((lesson) => lesson.data.title),
    );
    const titles = await rankedTitles(page, keyword);
    expect(titles, `every lesson listing "${keyword}" is found`).toEqual(expect.arrayContaining([...listing]));
    const firstOther = titles.findIndex((title) => !listing.has(title));
    if (firstOther === -1) continue;
    contested += 1;
    expect(
      titles.slice(firstOther).filter((title) => listing.has(title)),
      `"${keyword}": lessons listing it come first in ${JSON.stringify(titles)}`,
    ).toEqual([]);
  }
  expect(contested, "some keyword is also mentioned by lessons that do not list it").toBeGreaterThan(0);
});

test.describe("a site built to test ranking and long result lists", () => {
  // One worker builds and serves the site on one port for all of these tests.
  test.describe.configure({ mode: "serial" });

  // One lesson lists "semaphore" as a keyword and says it once; the other does not
  // list it but repeats it, even in headings. Text alone ranks the second first.
  const filler = "Tasks wait for input and output while the event loop runs other coroutines. ".repeat(8);
  const fixtureLessons: Record<string, string> = {
    "limiting-concurrency.mdx": lessonFile(
      validFrontmatter({
        title: "Limiting Concurrency",
        description: "Cap how many tasks run at once.",
        keywords: ["semaphore", "task"],
        source: "content/sources/limiting-concurrency.md",
      }),
      `## Too many tasks\n\n${filler}\n\n## A cap\n\nA semaphore is one way to cap them.\n\n${filler}\n`,
    ),
    "protecting-state.mdx": lessonFile(
      validFrontmatter({
        title: "Protecting Shared State",
        description: "Keep coroutines from corrupting shared data with locks.",
        keywords: ["lock", "task"],
        source: "content/sources/protecting-state.md",
      }),
      "## Semaphore or lock?\n\nA semaphore with one slot behaves like a lock, but a semaphore can allow more " +
        "holders. Release a semaphore twice and the semaphore count grows.\n\n### The semaphore counter\n\n" +
        "Each semaphore keeps a counter.\n",
    ),
  };

  // More lessons than the search page shows at once, to exercise "Show more results".
  const extra = 22;
  for (let n = 1; n <= extra; n += 1) {
    fixtureLessons[`filler-${n}.mdx`] = lessonFile(
      validFrontmatter({ title: `Filler Lesson ${n}`, source: `content/sources/filler-${n}.md` }),
      `## Part ${n}\n\nA short lesson about coroutines and the event loop, number ${n}.\n`,
    );
  }

  let build: FixtureBuild;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    build = buildFixtureSite(fixtureLessons);
    expect(build.status, build.output).toBe(0);
    server = await serveDirectory(join(build.root, "dist"), e2ePort(2));
  });
  test.afterAll(async () => {
    await server?.close();
    build?.cleanup();
  });

  test("the lesson that lists the keyword ranks first, though the other mentions it far more", async ({ page }) => {
    // Without the site's ranking options, Pagefind puts the lesson that repeats the word first:
    // this is what makes the test able to fail.
    await page.goto(`${server.url}/`);
    const plain = await page.evaluate(async () => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const search = await pagefind.search("semaphore");
      return Promise.all(
        search.results.map(
          async (result: { data(): Promise<{ meta: { title: string } }> }) => (await result.data()).meta.title,
        ),
      );
    });
    expect(plain).toEqual(["Protecting Shared State", "Limiting Concurrency"]);

    await page.goto(`${server.url}/search/`);
    expect(await rankedTitles(page, "semaphore")).toEqual(["Limiting Concurrency", "Protecting Shared State"]);
  });

  test("a long result list shows the first results and loads the rest on request", async ({ page }) => {
    await page.goto(`${server.url}/search/?q=coroutine`);
    const status = page.locator("main").getByRole("status");
    await expect(status).toHaveText(/^\d+ lessons found for “coroutine”/);
    const total = Number((await status.innerText()).split(" ")[0]);
    expect(total).toBeGreaterThanOrEqual(extra);
    const results = page.locator("main .search-result");
    await expect(results).toHaveCount(20);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect(results).toHaveCount(total);
    await expect(page.getByRole("button", { name: "Show more results" })).toBeHidden();
    // Keyboard users continue where the new results begin.
    await expect(results.nth(20).locator(".search-result-link")).toBeFocused();
  });
});
