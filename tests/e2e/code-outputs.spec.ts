import { expect, test } from "@playwright/test";
import { extractBlocks } from "../../src/codeblocks/extract";
import { readLessons } from "../support/lessons";
import { site } from "../support/site-pages";

const lessons = readLessons().map((lesson) => ({
  ...lesson,
  outputs: extractBlocks(lesson.body, lesson.id).flatMap((block) => (block.output ? [block.output.text] : [])),
}));

test("every lesson shows its verified outputs", () => {
  expect(lessons.every((lesson) => lesson.outputs.length > 0)).toBe(true);
});

for (const lesson of lessons) {
  test(`${lesson.id}: each output block is an "Output" panel under its code`, async ({ page }) => {
    await page.goto(site.lesson(lesson.id));
    const panels = page.getByRole("figure", { name: /^Output/ });
    await expect(panels).toHaveCount(lesson.outputs.length);
    for (const [index, text] of lesson.outputs.entries()) {
      const panel = panels.nth(index);
      await expect(panel.locator("figcaption")).toBeVisible();
      expect(await panel.locator("samp").innerText()).toBe(text.trimEnd());
      await expect(panel).toHaveAttribute("data-pagefind-ignore", "");
      await expect(panel.getByRole("button")).toHaveCount(0);
      // Right under the code block it belongs to.
      expect(await panel.evaluate((figure) => figure.previousElementSibling?.className)).toBe("code-block");
    }
  });
}

test("output panels look different from code, in light and dark", async ({ browser }) => {
  const lesson = lessons[0]!;
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(site.lesson(lesson.id));
    const code = await page
      .locator(".code-block pre")
      .first()
      .evaluate((pre) => getComputedStyle(pre).backgroundColor);
    const panel = page.locator("figure.code-output").first();
    const output = await panel.evaluate((figure) => ({
      background: getComputedStyle(figure).backgroundColor,
      border: getComputedStyle(figure).borderLeftWidth,
    }));
    expect(output.background, colorScheme).not.toBe(code);
    expect(output.border, colorScheme).toBe("4px");
    await expect(panel.locator("figcaption")).toHaveText("Output");
    await context.close();
  }
});
