import { expect, test, type Page } from "@playwright/test";
import { keywordSlug } from "../../src/graph/keywords";
import { courseOrder, mostAdvanced, pathBack, siteRequirements } from "../support/course-path";
import { readLessons } from "../support/lessons";
import { site } from "../support/site-pages";

const lessons = readLessons();
const order = courseOrder(lessons);
const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
const position = (id: string) => order.findIndex((lesson) => lesson.id === id);

const escape = (text: string) => text.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&");
const beforeYouStart = (page: Page) => page.getByRole("region", { name: "Before you start" });
/** The prerequisites themselves (the progress note below them names the ones not completed, again with links). */
const prerequisiteList = (page: Page) => beforeYouStart(page).locator(":scope > ul");
const readingNav = (page: Page) => page.getByRole("navigation", { name: "Reading order" });

async function expectLessonPage(page: Page, id: string) {
  await expect(page).toHaveURL(new RegExp(`^[^?#]*${escape(site.lesson(id))}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(byId.get(id)!.data.title);
}

test("from the most advanced lesson back to the start, then through the whole course", async ({ page }) => {
  const start = mostAdvanced(lessons);
  const back = pathBack(lessons, start);

  await page.goto(site.lesson(start.id));
  await expectLessonPage(page, start.id);
  for (const next of back.slice(1)) {
    await prerequisiteList(page).getByRole("link", { name: next.data.title, exact: true }).click();
    await expectLessonPage(page, next.id);
  }
  await expect(beforeYouStart(page)).toContainText("No prerequisites");

  // An entry lesson other than the first one is reached through "previous".
  for (let index = position(back.at(-1)!.id); index > 0; index -= 1) {
    await readingNav(page)
      .getByRole("link", { name: /^Previous lesson/ })
      .click();
    await expectLessonPage(page, order[index - 1]!.id);
  }

  const visited = [back.at(-1)!.id];
  for (let index = 1; index < order.length; index += 1) {
    const next = readingNav(page).getByRole("link", { name: /^Next lesson/ });
    await expect(next).toHaveAttribute("rel", "next");
    await expect(next).toContainText(order[index]!.data.title);
    await next.click();
    await expectLessonPage(page, order[index]!.id);
    visited.push(order[index]!.id);
  }
  await expect(readingNav(page).locator('a[rel="next"]')).toHaveCount(0);

  expect(visited).toEqual(order.map((lesson) => lesson.id));
  // Independently of the order function: every prerequisite was visited before the lesson that needs it.
  for (const id of visited) {
    for (const required of siteRequirements(byId.get(id)!))
      expect(visited.indexOf(required)).toBeLessThan(visited.indexOf(id));
  }
});

for (const lesson of lessons) {
  test(`lesson ${lesson.id} links to its neighbours, dependants, related lessons and keywords`, async ({ page }) => {
    await page.goto(site.lesson(lesson.id));
    const here = position(lesson.id);
    const previous = order[here - 1];
    const next = order[here + 1];

    const prev = page.locator('a[rel="prev"]');
    await expect(prev).toHaveCount(previous ? 1 : 0);
    if (previous) {
      await expect(prev).toHaveAttribute("href", site.lesson(previous.id));
      await expect(prev).toHaveAccessibleName(new RegExp(`^Previous lesson\\s+${escape(previous.data.title)}$`));
    }
    if (next) {
      const link = page.locator('a[rel="next"]');
      await expect(link).toHaveAccessibleName(new RegExp(`^Next lesson\\s+${escape(next.data.title)}$`));
    }

    for (const prerequisite of lesson.data.prerequisites) {
      if (typeof prerequisite === "string") continue;
      const link = prerequisiteList(page).getByRole("link", { name: new RegExp(`^${escape(prerequisite.title)}`) });
      await expect(link).toHaveAttribute("href", prerequisite.url);
      await expect(link).toHaveAccessibleName(
        `${prerequisite.title} (external site: ${new URL(prerequisite.url).hostname})`,
      );
    }

    const dependants = order.filter((other) => siteRequirements(other).includes(lesson.id));
    const builtOn = page.getByRole("region", { name: "Lessons that build on this one" }).getByRole("link");
    await expect(builtOn).toHaveText(dependants.map((other) => other.data.title));

    const related = page.getByRole("region", { name: "Related lessons" }).locator("li");
    const count = await related.count();
    expect(count).toBeLessThanOrEqual(3);
    const excluded = new Set([lesson.id, ...siteRequirements(lesson), ...(next ? [next.id] : [])]);
    for (let index = 0; index < count; index += 1) {
      const item = related.nth(index);
      const href = await item.getByRole("link").getAttribute("href");
      const other = byId.get(site.sitePath(href!)!.replace(/^\/lessons\/|\/$/g, ""))!;
      expect(excluded.has(other.id), `${other.id} is already linked`).toBe(false);
      const shared = lesson.data.keywords.filter((keyword) => other.data.keywords.includes(keyword));
      expect(shared.length).toBeGreaterThan(0);
      await expect(item.locator(".shared")).toContainText(shared.join(", "));
    }

    const keywordLinks = page.locator(".lesson-facts .keywords a");
    await expect(keywordLinks).toHaveText(lesson.data.keywords);
    for (const [index, keyword] of lesson.data.keywords.entries()) {
      await expect(keywordLinks.nth(index)).toHaveAttribute("href", site.keyword(keywordSlug(keyword)));
    }
  });
}

test("the keyword index lists every keyword with its lesson count, or says it is on every lesson", async ({ page }) => {
  const counts = new Map<string, number>();
  for (const lesson of lessons)
    for (const keyword of lesson.data.keywords) counts.set(keyword, (counts.get(keyword) ?? 0) + 1);

  await page.goto(site.home);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Keywords" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keywords");
  const items = page.locator(".keyword-index li");
  await expect(items).toHaveCount(counts.size);
  for (const [keyword, count] of counts) {
    const item = items.filter({ has: page.getByRole("link", { name: keyword, exact: true }) });
    // A keyword on every lesson filters nothing: the index says so instead of giving a count.
    const reach = count === lessons.length ? "on every lesson" : count === 1 ? "1 lesson" : `${count} lessons`;
    await expect(item.locator(".count")).toHaveText(reach);
  }
});

test("a keyword on every lesson says so on its page, and lists the whole course", async ({ page }) => {
  const keyword = lessons[0]!.data.keywords.find((word) =>
    lessons.every((lesson) => lesson.data.keywords.includes(word)),
  );
  test.skip(keyword === undefined, "no keyword is on every lesson of this course");
  await page.goto(site.keyword(keywordSlug(keyword!)));
  await expect(page.locator(".lede")).toHaveText(
    `Every lesson in this course teaches or uses “${keyword}”, so this page lists the whole course.`,
  );
  await expect(page.locator(".course > li h3 a")).toHaveText(order.map((lesson) => lesson.data.title));
});

test("a keyword page lists its lessons in reading order, with difficulty", async ({ page }) => {
  const keyword = lessons.flatMap((lesson) => lesson.data.keywords).find((word) => /[/.]/.test(word)) ?? "asyncio";
  const expected = order.filter((lesson) => lesson.data.keywords.includes(keyword));

  await page.goto(site.keywords);
  await page.getByRole("link", { name: keyword, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^[^?#]*${escape(site.keyword(keywordSlug(keyword)))}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(keyword);
  const cards = page.locator(".course > li");
  await expect(cards.locator("h3 a")).toHaveText(expected.map((lesson) => lesson.data.title));
  for (const [index, lesson] of expected.entries())
    await expect(cards.nth(index)).toContainText(lesson.data.difficulty);
});
