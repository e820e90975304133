import { expect, test } from "@playwright/test";
import { courseOrder, siteRequirements } from "../support/course-path";
import { readLessons } from "../support/lessons";
import { BASE_PASS, site } from "../support/site-pages";

const lessons = readLessons();
const externals = new Map(
  lessons.flatMap((lesson) =>
    lesson.data.prerequisites.flatMap((item) => (typeof item === "string" ? [] : [[item.url, item.title] as const])),
  ),
);

test.describe("the learning path page, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "draws every lesson and external topic as a linked box, labelled with its difficulty",
    BASE_PASS,
    async ({ page }) => {
      await page.goto(site.home);
      await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Learning path" }).click();
      await expect(page).toHaveURL(site.path);

      // A small course shows the picture open; a large one behind its summary (src/pages/path.astro).
      await expect(page.locator("details.graph-details")).toHaveAttribute("open", "");
      const graph = page.locator("svg.graph");
      await expect(graph).toBeVisible();
      await expect(graph).toHaveAccessibleName("Prerequisite graph of the course");
      await expect(page.getByRole("figure")).toHaveAccessibleName(/Prerequisite graph/);

      const lessonBoxes = graph.locator(`a[href^="${site.page("lessons/")}"]`);
      await expect(lessonBoxes).toHaveCount(lessons.length);
      for (const lesson of lessons) {
        const box = graph.locator(`a[href="${site.lesson(lesson.id)}"]`);
        await expect(box).toHaveAccessibleName(`${lesson.data.title} (${lesson.data.difficulty} lesson)`);
        await expect(box, "learner progress finds each lesson by its id").toHaveAttribute("data-lesson-id", lesson.id);
        await expect(box.locator("text")).toContainText(lesson.data.difficulty);
      }

      await expect(graph.locator("a.node-external")).toHaveCount(externals.size);
      await expect(graph.locator("a.node-external[data-lesson-id]")).toHaveCount(0);
      for (const [url, title] of externals) {
        const box = graph.locator(`a[href="${url}"]`);
        await expect(box).toHaveAccessibleName(`${title} (external site: ${new URL(url).hostname})`);
        const dashes = await box.locator("rect").evaluate((rect) => getComputedStyle(rect).strokeDasharray);
        expect(dashes, "external topics have a dashed outline").not.toBe("none");
      }

      const requirements = lessons.flatMap((lesson) => lesson.data.prerequisites).length;
      const edges = graph.locator("path.edge");
      await expect(edges).toHaveCount(requirements);
      for (const edge of await edges.all()) {
        const marker = await edge.evaluate((path) => getComputedStyle(path).markerEnd);
        expect(marker, "every edge ends in an arrowhead").toMatch(/#graph-arrow/);
      }

      // Colour repeats the difficulty: the three difficulties get three different fills.
      const fills = new Set<string>();
      for (const difficulty of ["beginner", "intermediate", "advanced"]) {
        const rect = graph.locator(`a.node-${difficulty} rect`).first();
        if ((await rect.count()) > 0) fills.add(await rect.evaluate((element) => getComputedStyle(element).fill));
      }
      expect(fills.size).toBe(new Set(lessons.map((lesson) => lesson.data.difficulty)).size);
    },
  );

  test("gives the same graph as a list, in reading order", BASE_PASS, async ({ page }) => {
    await page.goto(site.path);
    const list = page.getByRole("region", { name: "The learning path as a list" });
    const items = list.locator("ol.path-list > li");
    const order = courseOrder(lessons);
    await expect(items).toHaveCount(order.length);
    for (const [index, lesson] of order.entries()) {
      const item = items.nth(index);
      await expect(item.getByRole("link").first()).toHaveText(lesson.data.title);
      await expect(item).toHaveAttribute("data-lesson-id", lesson.id);
      await expect(item).toContainText(lesson.data.difficulty);
      const required = item.locator("ul > li");
      await expect(required).toHaveCount(lesson.data.prerequisites.length);
      for (const id of siteRequirements(lesson)) {
        await expect(required.locator(`a[href="${site.lesson(id)}"]`)).toHaveCount(1);
      }
    }
  });
});

test("the picture stays readable on a 375 px phone: it scrolls in its own box", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of [site.path, site.keywords, site.keyword("asyncio")]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto(site.path);
  const graph = page.locator("svg.graph");
  const [drawn, natural] = await graph.evaluate((svg) => [
    svg.getBoundingClientRect().width,
    Number(svg.getAttribute("width")),
  ]);
  expect(drawn, "the picture is not shrunk").toBeCloseTo(natural, 0);
  const text = await graph
    .locator("text")
    .first()
    .evaluate((element) => element.getBoundingClientRect().height);
  expect(text).toBeGreaterThanOrEqual(12);
  await context.close();
});
