/**
 * Every lesson page says where its text comes from: a Source line linking to
 * the raw original, served by the site exactly as received, and the editor's
 * notes from its `edits` frontmatter. Changed code carries a caption next to it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { readLessons } from "../support/lessons";
import { BASE_PASS, site } from "../support/site-pages";

const ROOT = join(import.meta.dirname, "../..");
const lessons = readLessons();
/** Frontmatter text as the page shows it: `backticks` become code elements. */
const shown = (text: string) => text.replaceAll("`", "");

for (const lesson of lessons) {
  test(`lesson ${lesson.id} links its raw source, which the site serves as received`, BASE_PASS, async ({ page }) => {
    await page.goto(site.lesson(lesson.id));
    const provenance = page.getByRole("region", { name: "Source and editor's notes" });
    const link = provenance.getByRole("link", { name: lesson.data.source.split("/").pop()!, exact: true });
    await expect(link).toHaveAttribute("href", site.source(lesson.data.source));

    const response = await page.request.get(await link.getAttribute("href").then((href) => href!));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\//);
    expect(Buffer.compare(await response.body(), readFileSync(join(ROOT, lesson.data.source)))).toBe(0);
  });

  test(`lesson ${lesson.id} shows its editor's notes, each pointing at its section`, async ({ page }) => {
    await page.goto(site.lesson(lesson.id));
    const provenance = page.getByRole("region", { name: "Source and editor's notes" });
    const edits = lesson.data.edits ?? [];
    const notes = provenance.locator(".edit-notes > li");
    await expect(notes).toHaveCount(edits.length);
    if (edits.length === 0) await expect(provenance).toContainText("No editor's notes");
    for (const [index, edit] of edits.entries()) {
      const note = notes.nth(index);
      await expect(note).toContainText(shown(edit.change));
      await expect(note).toContainText(shown(edit.why));
      if (edit.section === undefined) continue;
      await expect(note.getByRole("link")).toHaveAttribute("href", `#${edit.section}`);
      await expect(page.locator(`.lesson-body [id="${edit.section}"]`)).toHaveCount(1);
    }
    await expect(provenance).toContainText("Mechanical repairs are not listed");
  });

  const captions = lesson.body.match(/^\*\*Changed from the source:\*\* .*$/gm) ?? [];
  test(`lesson ${lesson.id} shows its ${captions.length} "Changed from the source" captions right after code`, async ({
    page,
  }) => {
    await page.goto(site.lesson(lesson.id));
    const shownCaptions = page.locator(".lesson-body p", { hasText: /^Changed from the source:/ });
    await expect(shownCaptions).toHaveCount(captions.length);
    for (const caption of await shownCaptions.all()) {
      await expect(caption).toBeVisible();
      // The caption follows the code it describes (the code figure, or its output panel).
      const before = await caption.evaluate((element) => element.previousElementSibling?.outerHTML ?? "");
      expect(before).toMatch(/<pre|<figure/);
    }
  });
}
