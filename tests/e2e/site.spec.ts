import { expect, test } from "@playwright/test";
import { readLessons } from "../support/lessons";
import { BASE_PASS, site } from "../support/site-pages";

const lessons = readLessons();

test("home lists every lesson in reading order, with its facts", async ({ page }) => {
  await page.goto(site.home);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const cards = page.locator(".course > li");
  await expect(cards).toHaveCount(lessons.length);

  const shownTitles = await cards.locator("h3 a").allTextContents();
  const position = new Map(shownTitles.map((title, index) => [title, index]));
  for (const lesson of lessons) {
    const card = cards.nth(position.get(lesson.data.title) ?? -1);
    await expect(card).toContainText(lesson.data.description);
    await expect(card).toContainText(lesson.data.difficulty);
    await expect(card).toContainText(`${lesson.data.duration} min`);
    for (const prerequisite of lesson.data.prerequisites) {
      if (typeof prerequisite !== "string") continue;
      const before = lessons.find((other) => other.id === prerequisite)!;
      expect(
        position.get(before.data.title),
        `"${before.data.title}" must come before "${lesson.data.title}"`,
      ).toBeLessThan(position.get(lesson.data.title)!);
    }
  }
  // The entry lesson (no prerequisites) opens the course.
  const entry = lessons.find((lesson) => lesson.data.prerequisites.length === 0)!;
  expect(shownTitles[0]).toBe(entry.data.title);
});

for (const lesson of lessons) {
  test(`lesson page ${lesson.id} shows its metadata and highlighted code`, async ({ page }) => {
    await page.goto(site.lesson(lesson.id));
    await expect(page).toHaveTitle(new RegExp(lesson.data.title.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&")));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.data.title);
    const facts = page.locator(".lesson-facts");
    await expect(facts).toContainText(lesson.data.difficulty);
    await expect(facts).toContainText(`${lesson.data.duration} minutes`);
    await expect(facts.locator(".keywords li")).toHaveText(lesson.data.keywords);

    // The list itself; the progress note after it names the prerequisites not completed yet, again with links.
    const before = page.locator("section.prerequisites > ul > li");
    await expect(before).toHaveCount(lesson.data.prerequisites.length);
    for (const prerequisite of lesson.data.prerequisites) {
      const href = typeof prerequisite === "string" ? site.lesson(prerequisite) : prerequisite.url;
      await expect(page.locator(`section.prerequisites > ul a[href="${href}"]`)).toHaveCount(1);
    }
    if (lesson.data.objectives) {
      await expect(page.locator("section.objectives li")).toHaveCount(lesson.data.objectives.length);
    }

    const codeBlocks = (lesson.body.match(/^```python/gm) ?? []).length;
    const highlighted = page.locator('pre.astro-code[data-language="python"]');
    await expect(highlighted).toHaveCount(codeBlocks);
    if (codeBlocks > 0) {
      // Shiki colours keywords differently from plain text.
      const keyword = highlighted
        .first()
        .locator("span", { hasText: /^(import|async|def|class)$/ })
        .first();
      const plain = await highlighted.first().evaluate((pre) => getComputedStyle(pre).color);
      const coloured = await keyword.evaluate((span) => getComputedStyle(span).color);
      expect(coloured).not.toBe(plain);
    }
  });
}

test("code colours follow the reader's colour scheme", async ({ browser }) => {
  const lesson = lessons.find((candidate) => candidate.body.includes("```python"))!;
  const colourIn = async (colorScheme: "light" | "dark") => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(site.lesson(lesson.id));
    const colours = await page
      .locator("pre.astro-code")
      .first()
      .evaluate((pre) => ({ background: getComputedStyle(pre).backgroundColor, text: getComputedStyle(pre).color }));
    await context.close();
    return colours;
  };
  const light = await colourIn("light");
  const dark = await colourIn("dark");
  expect(light.background).not.toBe(dark.background);
  expect(light.text).not.toBe(dark.text);
});

test("the copy button copies the code of its block", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const lesson = lessons.find((candidate) => candidate.body.includes("```python"))!;
  await page.goto(site.lesson(lesson.id));
  const block = page.locator(".code-block").first();
  const button = block.getByRole("button", { name: "Copy code to clipboard" });
  await button.click();
  await expect(button).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe((await block.locator("pre").innerText()).trim());
  await context.close();
});

test("pages read fully without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.home);
  await expect(page.locator(".course > li")).toHaveCount(lessons.length);
  const lesson = lessons[0]!;
  await page.goto(site.lesson(lesson.id));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.data.title);
  await expect(page.locator(".lesson-body h2").first()).toBeVisible();
  // A button that cannot work without JavaScript is not shown.
  await expect(page.locator(".copy-button").first()).toBeHidden();
  await context.close();
});

test("lesson pages fit a 375 px wide phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ["/", ...lessons.map((lesson) => site.lesson(lesson.id))]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("unknown addresses get the 404 page", BASE_PASS, async ({ page }) => {
  const response = await page.goto(site.page("lessons/no-such-lesson/"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the course overview" }).click();
  await expect(page).toHaveURL(site.home);
});

test("skip link moves focus to the main content", async ({ page }) => {
  await page.goto(site.home);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
