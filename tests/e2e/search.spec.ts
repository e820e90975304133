import { expect, test, type Locator, type Page } from "@playwright/test";
import { readLessons, type LessonFile } from "../support/lessons";
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH } from "../../src/search/query";
import { MESSAGES } from "../../src/search/messages";
import { BASE_PASS, site } from "../support/site-pages";

const lessons = readLessons();
const byTitle = new Map(lessons.map((lesson) => [lesson.data.title, lesson]));

/** Everything Pagefind indexes for a lesson: its text plus the metadata it searches. */
const indexedText = (lesson: LessonFile) =>
  [lesson.body, lesson.data.title, lesson.data.description, lesson.data.keywords.join(" ")].join("\n");

const isSearchCode = (path: string) => path === site.searchUi || path.startsWith(site.page("pagefind/"));

const headerField = (page: Page) => page.getByRole("searchbox", { name: "Search lessons" });
const headerPanel = (page: Page) => page.locator("#site-search-panel");
const pageField = (page: Page) => page.getByRole("searchbox", { name: "Search for" });
const pageStatus = (page: Page) => page.locator("main").getByRole("status");
const pageResults = (page: Page) => page.locator("main .search-result");

async function resultTitles(results: Locator): Promise<string[]> {
  return results.locator(".search-result-link").allInnerTexts();
}

/** Waits until the search page has reported results (or none), and returns what its status says. */
async function settled(page: Page): Promise<string> {
  await expect(pageStatus(page)).toHaveText(/found for “|match the selected filters/);
  return (await pageStatus(page).innerText()).trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A facet's checkbox; its label is the value followed by the lesson count, "task (3 lessons)". */
const facetBox = (page: Page | Locator, value: string) =>
  page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(value)} \\(`) });

/** The text of the section a heading opens: the heading and everything up to the next heading of its rank or higher. */
async function sectionText(page: Page, id: string): Promise<string | null> {
  return page.evaluate((id) => {
    const heading = document.getElementById(id);
    const rank = (node: Element) => (/^H[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 7);
    if (!heading || rank(heading) === 7) return null;
    let text = heading.textContent ?? "";
    for (let node = heading.nextElementSibling; node && rank(node) > rank(heading); node = node.nextElementSibling) {
      text += ` ${node.textContent}`;
    }
    return text;
  }, id);
}

/** Follows a result link and checks that it lands on a section that contains the word. */
async function expectLandsOnSectionWith(page: Page, link: Locator, word: RegExp) {
  const href = await link.getAttribute("href");
  expect(href, "a section link carries a #fragment").toMatch(new RegExp(`^${site.page("lessons/")}[a-z0-9-]+/#.+`));
  await link.click();
  await expect(page).toHaveURL(href!);
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  expect(await sectionText(page, id), `section #${id} of ${page.url()}`).toMatch(word);
}

test.describe("loading", () => {
  test("no search code loads before the reader reaches for search, and it loads on focus", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.lesson(lessons[0]!.id));
    await page.waitForLoadState("networkidle");
    expect(requested.filter(isSearchCode)).toEqual([]);
    // The rest of the site has no script files at all, only small inline scripts.
    expect(await page.locator("script[src]").count()).toBe(0);

    await headerField(page).focus();
    await expect
      .poll(() => requested.filter(isSearchCode))
      .toEqual(expect.arrayContaining([site.searchUi, site.pagefind]));
  });

  test('"/" focuses the search field and loads search, but not while typing in a field', async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.home);
    await page.keyboard.press("/");
    await expect(headerField(page)).toBeFocused();
    await expect(headerField(page)).toHaveValue("");
    await expect.poll(() => requested.includes(site.searchUi)).toBe(true);
    await page.keyboard.type("a/b");
    await expect(headerField(page)).toHaveValue("a/b");
  });
  test("if the search code cannot be loaded, the field and the page say so, and the field tries again", async ({
    page,
  }) => {
    let refuse = true;
    await page.route("**/search-ui.js", (route) =>
      refuse ? route.fulfill({ status: 503, body: "" }) : route.continue(),
    );
    await page.goto(site.search("q=gather"));
    await expect(pageStatus(page)).toContainText("Search could not be loaded. Reload the page");

    await page.goto(site.home);
    await headerField(page).fill("gather");
    await expect(headerPanel(page)).toContainText("Search could not be loaded");
    await expect(page.locator("[data-search-announcer]")).toContainText("Search could not be loaded");
    refuse = false;
    await headerField(page).blur();
    await headerField(page).focus();
    await expect(headerPanel(page).locator(".search-status")).toHaveText(/found for “gather”/);
  });

  test("if the search index cannot be loaded, the field says so and the next search tries again", async ({ page }) => {
    let refuse = true;
    await page.route("**/pagefind/pagefind.js", (route) =>
      refuse ? route.fulfill({ status: 503, body: "" }) : route.continue(),
    );
    await page.goto(site.home);
    await headerField(page).fill("gather");
    const status = headerPanel(page).locator(".search-status");
    await expect(status).toHaveText(MESSAGES.unavailable);
    refuse = false;
    await headerField(page).fill("event loop");
    await expect(status).toHaveText(/found for “event loop”/);
  });
});

test.describe("finding lessons", () => {
  test(
    '"gather" finds the lessons that use asyncio.gather, and each result opens the section that mentions it',
    BASE_PASS,
    async ({ page }) => {
      // Opens the search page once per result: slow on a loaded machine.
      test.setTimeout(90_000);
      const usesGather = lessons.filter((lesson) => /asyncio\.gather/.test(lesson.body));
      expect(usesGather.length, "the course has lessons that use asyncio.gather").toBeGreaterThan(1);

      await page.goto(site.search("q=gather"));
      expect(await settled(page)).toMatch(/lessons? found for “gather”/);
      const titles = await resultTitles(pageResults(page));
      expect(titles).toEqual(expect.arrayContaining(usesGather.map((lesson) => lesson.data.title)));
      for (const title of titles) expect(indexedText(byTitle.get(title)!)).toMatch(/gather/i);
      await expect(pageResults(page).locator(".search-excerpt mark").first()).toContainText(/gather/i);

      for (let index = 0; index < titles.length; index += 1) {
        await page.goto(site.search("q=gather"));
        await settled(page);
        const result = pageResults(page).nth(index);
        await expect(result.locator(".badge")).toContainText(byTitle.get(titles[index]!)!.data.difficulty);
        await expectLandsOnSectionWith(page, result.locator(".search-section-link").first(), /gather/i);
      }
    },
  );

  test(
    "the header search shows title, difficulty and a highlighted excerpt, and links to the section",
    BASE_PASS,
    async ({ page }) => {
      await page.goto(site.lesson(lessons[0]!.id));
      await headerField(page).fill("gather");
      const panel = headerPanel(page);
      await expect(panel.locator(".search-status")).toHaveText(/lessons? found for “gather”/);
      await expect(page.locator("[data-search-announcer]")).toHaveText(/lessons? found for “gather”/);
      const first = panel.locator(".search-result").first();
      const title = await first.locator(".search-result-link").innerText();
      await expect(first.locator(".badge")).toContainText(byTitle.get(title)!.data.difficulty);
      await expect(first.locator(".search-excerpt mark").first()).toContainText(/gather/i);
      await expectLandsOnSectionWith(page, first.locator(".search-section-link"), /gather/i);
    },
  );

  test("a shared link to /search/?q=event+loop shows its results on load", async ({ page }) => {
    await page.goto(site.search("q=event+loop"));
    await expect(pageField(page)).toHaveValue("event loop");
    expect(await settled(page)).toMatch(/lessons? found for “event loop”/);
    const titles = await resultTitles(pageResults(page));
    const phrase = lessons.filter((lesson) => /event loop/i.test(indexedText(lesson)));
    expect(titles).toEqual(expect.arrayContaining(phrase.map((lesson) => lesson.data.title)));
    for (const title of titles) expect(indexedText(byTitle.get(title)!)).toMatch(/event[\s\S]*loop|loop[\s\S]*event/i);
  });

  test("only lesson text is indexed: every result is a lesson, and the site chrome is not", async ({ page }) => {
    await page.goto(site.search("q=async"));
    await settled(page);
    // Every lesson says "async"; so do the home page, the header and the footer, which must not show up.
    const hrefs = await pageResults(page)
      .locator(".search-result-link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs.sort()).toEqual(lessons.map((lesson) => site.lesson(lesson.id)).sort());

    await page.goto(site.lesson(lessons[0]!.id));
    const body = page.locator("[data-pagefind-body]");
    await expect(body).toHaveCount(1);
    await expect(body.locator("nav, header, footer, form, .prerequisites, .lesson-facts")).toHaveCount(0);
  });
});

test.describe("filters", () => {
  // A keyword that lessons of more than one difficulty list, so narrowing by difficulty changes the results.
  const keyword = [...new Set(lessons.flatMap((lesson) => lesson.data.keywords))].find(
    (word) =>
      new Set(lessons.filter((lesson) => lesson.data.keywords.includes(word)).map((lesson) => lesson.data.difficulty))
        .size > 1,
  )!;
  const listing = lessons.filter((lesson) => lesson.data.keywords.includes(keyword));

  test("search by keyword, then narrow by difficulty: the address keeps it and a reload restores it", async ({
    page,
  }) => {
    await page.goto(site.search());
    await pageField(page).fill(keyword);
    await settled(page);
    await expect(page).toHaveURL(site.search(new URLSearchParams({ q: keyword })));
    expect(await resultTitles(pageResults(page))).toEqual(
      expect.arrayContaining(listing.map((lesson) => lesson.data.title)),
    );

    const difficulty = listing[0]!.data.difficulty;
    await facetBox(page.getByRole("group", { name: "Difficulty" }), difficulty).check();
    await expect(page).toHaveURL(site.search(new URLSearchParams({ q: keyword, difficulty })));
    await settled(page);
    const narrowed = await resultTitles(pageResults(page));
    expect(narrowed.length).toBeGreaterThan(0);
    for (const title of narrowed) expect(byTitle.get(title)!.data.difficulty).toBe(difficulty);
    expect(narrowed).toEqual(
      expect.arrayContaining(
        listing.filter((lesson) => lesson.data.difficulty === difficulty).map((lesson) => lesson.data.title),
      ),
    );
    expect(narrowed.length).toBeLessThan(listing.length);

    await page.reload();
    await expect(pageField(page)).toHaveValue(keyword);
    await expect(facetBox(page, difficulty)).toBeChecked();
    await settled(page);
    expect(await resultTitles(pageResults(page))).toEqual(narrowed);
  });

  test("several values of one facet combine with OR, and facets live in the address", async ({ page }) => {
    // The two keywords listed by the fewest lessons, with different lessons, so OR shows more than either alone.
    const listedBy = (word: string) => lessons.filter((lesson) => lesson.data.keywords.includes(word));
    const words = [...new Set(lessons.flatMap((lesson) => lesson.data.keywords))].sort(
      (a, b) => listedBy(a).length - listedBy(b).length,
    );
    const first = { word: words[0]! };
    const second = {
      word: words.find((word) => listedBy(word).every((lesson) => !listedBy(first.word).includes(lesson)))!,
    };
    const titlesWith = (...words: string[]) =>
      lessons
        .filter((lesson) => words.some((word) => lesson.data.keywords.includes(word)))
        .map((lesson) => lesson.data.title)
        .sort();

    await page.goto(site.search(`keyword=${encodeURIComponent(first.word)}`));
    await expect(facetBox(page, first.word)).toBeChecked();
    expect(await settled(page)).toMatch(/match the selected filters/);
    expect((await resultTitles(pageResults(page))).sort()).toEqual(titlesWith(first.word));

    await facetBox(page, second.word).check();
    // The page lists keywords alphabetically and writes them to the address in that order.
    const both = [first.word, second.word].sort((a, b) => a.localeCompare(b));
    await expect(page).toHaveURL(site.search(new URLSearchParams(both.map((word) => ["keyword", word]))));
    await settled(page);
    await expect
      .poll(async () => (await resultTitles(pageResults(page))).sort())
      .toEqual(titlesWith(first.word, second.word));

    await facetBox(page, first.word).uncheck();
    await expect(page).toHaveURL(site.search(new URLSearchParams({ keyword: second.word })));
    await expect.poll(async () => (await resultTitles(pageResults(page))).sort()).toEqual(titlesWith(second.word));
  });
});

test.describe("queries are text", () => {
  for (const hostile of ["<img src=x onerror=alert(1)>", '"><script>alert(1)</script>']) {
    test(`${hostile} is shown literally and runs nothing`, async ({ page }) => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on("pageerror", (error) => errors.push(error.message));
      const injected = () =>
        page.evaluate(
          () =>
            document.querySelectorAll('img[src="x"]').length +
            [...document.scripts].filter((script) => script.textContent?.includes("alert(1)")).length,
        );

      await page.goto(site.search(`q=${encodeURIComponent(hostile)}`));
      await expect(pageField(page)).toHaveValue(hostile);
      expect(await settled(page)).toContain(`“${hostile}”`);

      await page.goto(site.lesson(lessons[0]!.id));
      await headerField(page).fill(hostile);
      await expect(headerPanel(page).locator(".search-status")).toContainText(`“${hostile}”`);
      await headerField(page).press("Enter");
      await expect(page).toHaveURL(site.search(new URLSearchParams({ q: hostile })));
      expect(await settled(page)).toContain(`“${hostile}”`);

      expect(await injected()).toBe(0);
      // Give a broken image time to fire its onerror, had one been created.
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

test.describe("odd queries", () => {
  test("an empty search gives a hint and no results", async ({ page }) => {
    await page.goto(site.search());
    await expect(pageStatus(page)).toHaveText(MESSAGES.empty);
    await expect(pageResults(page)).toHaveCount(0);
    await pageField(page).fill("gather");
    await settled(page);
    await pageField(page).fill("");
    await expect(pageStatus(page)).toHaveText(MESSAGES.empty);
    await expect(pageResults(page)).toHaveCount(0);
    await expect(page).toHaveURL(site.search());
  });

  test(`a query shorter than ${MIN_QUERY_LENGTH} characters asks for more`, async ({ page }) => {
    await page.goto(site.search("q=a"));
    await expect(pageStatus(page)).toHaveText(MESSAGES.tooShort);
    await expect(pageResults(page)).toHaveCount(0);
    await page.goto(site.home);
    await headerField(page).fill("a");
    await expect(headerPanel(page).locator(".search-status")).toHaveText(MESSAGES.tooShort);
  });

  test(`a 1,000-character query is cut to ${MAX_QUERY_LENGTH} characters and answers promptly`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const long = "asyncio gather event loop coroutine ".repeat(30).slice(0, 1000);
    expect(long).toHaveLength(1000);

    await page.goto(site.search(`q=${encodeURIComponent(long)}`));
    await expect(page.locator("[data-search-note]")).toHaveText(MESSAGES.truncated);
    expect((await pageField(page).inputValue()).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(await settled(page)).toMatch(/found for “/);
    expect(new URL(page.url()).searchParams.get("q")!.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);

    await page.goto(site.home);
    await headerField(page).focus();
    await page.keyboard.insertText(long);
    expect((await headerField(page).inputValue()).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    await expect(headerPanel(page).locator(".search-status")).toHaveText(/found for “/);
    expect(errors).toEqual([]);
  });
});

test.describe("keyboard", () => {
  test("keyboard only: focus with /, type, move to a result with the arrow keys, open it with Enter", async ({
    page,
  }) => {
    await page.goto(site.home);
    await page.keyboard.press("/");
    await expect(headerField(page)).toBeFocused();
    await page.keyboard.type("gather");
    const panel = headerPanel(page);
    await expect(panel.locator(".search-status")).toHaveText(/found for “gather”/);

    await page.keyboard.press("ArrowDown");
    const links = panel.locator("a:visible");
    await expect(links.first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(headerField(page)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const href = await links.nth(1).getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(href!);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await sectionText(page, id)).toMatch(/gather/i);
  });

  test("moving back to the field keeps the results in place, and Escape from a result closes them", async ({
    page,
  }) => {
    await page.goto(site.home);
    await page.keyboard.press("/");
    await page.keyboard.type("gather");
    const panel = headerPanel(page);
    const status = panel.locator(".search-status");
    await expect(status).toHaveText(/found for “gather”/);
    const items = panel.locator("li");
    // Marks the listed results: a list searched again and redrawn loses the marks.
    await items.evaluateAll((nodes) => nodes.forEach((node) => node.setAttribute("data-first-render", "")));
    const marked = panel.locator("li[data-first-render]");
    const count = await items.count();
    expect(count).toBeGreaterThan(1);

    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(headerField(page)).toBeFocused();
    await expect(status).toHaveText(/found for “gather”/);
    await expect(marked).toHaveCount(count);

    await page.keyboard.press("ArrowDown");
    await expect(panel.locator("a:visible").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(headerField(page)).toBeFocused();
    await expect(panel).toBeHidden();

    // Leaving the field and coming back shows the same results again, without searching anew.
    await page.keyboard.press("Shift+Tab");
    await expect(headerField(page)).not.toBeFocused();
    await page.keyboard.press("Tab");
    await expect(headerField(page)).toBeFocused();
    await expect(panel).toBeVisible();
    await expect(status).toHaveText(/found for “gather”/);
    await expect(marked).toHaveCount(count);
  });

  test("Escape closes the dropdown and Enter opens the search page with the query", BASE_PASS, async ({ page }) => {
    await page.goto(site.home);
    await page.keyboard.press("/");
    await page.keyboard.type("event loop");
    await expect(headerPanel(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(headerPanel(page)).toBeHidden();
    await expect(headerField(page)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(site.search("q=event+loop"));
    expect(await settled(page)).toMatch(/found for “event loop”/);
  });

  test("on the search page, / focuses its field and the results are reachable by keyboard", async ({ page }) => {
    await page.goto(site.search());
    await facetBox(page, "beginner").focus();
    await page.keyboard.press("/");
    await expect(pageField(page)).toBeFocused();
    await page.keyboard.type("event loop");
    await settled(page);
    await page.keyboard.press("ArrowDown");
    const first = pageResults(page).first().locator(".search-result-link");
    await expect(first).toBeFocused();
    const href = await first.getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(href!);

    // Without the shortcut, plain Tab order reaches the results too.
    await page.goto(site.search("q=event+loop"));
    await settled(page);
    await pageField(page).focus();
    let reached = false;
    for (let step = 0; step < 60 && !reached; step += 1) {
      await page.keyboard.press("Tab");
      reached = await first.evaluate((link) => link === document.activeElement);
    }
    expect(reached, "Tab reaches the first result").toBe(true);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header field opens the search page, which explains and lists every lesson", async ({ page }) => {
    await page.goto(site.lesson(lessons[0]!.id));
    await headerField(page).fill("gather");
    await headerField(page).press("Enter");
    await expect(page).toHaveURL(site.search("q=gather"));
    await expect(page.getByText("Search needs JavaScript")).toBeVisible();
    await expect(page.getByRole("link", { name: "course overview" })).toHaveAttribute("href", site.home);
    for (const lesson of lessons) {
      await expect(page.getByRole("link", { name: lesson.data.title })).toHaveAttribute("href", site.lesson(lesson.id));
    }
    // A form that cannot work is not shown.
    await expect(pageField(page)).toBeHidden();
  });
});

test("the search page fits a 375 px wide phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(site.search("q=gather&difficulty=beginner"));
  await settled(page);
  await headerField(page).fill("gather");
  await expect(headerPanel(page).locator(".search-result").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const panel = await headerPanel(page).boundingBox();
  expect(panel!.x).toBeGreaterThanOrEqual(0);
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(375);
  await context.close();
});
