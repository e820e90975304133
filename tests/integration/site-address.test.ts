/**
 * Where the built site says it lives: under BASE_PATH every internal address
 * carries the base, and without SITE_URL no made-up public address (such as
 * localhost) is written into canonical URLs or a sitemap.
 */
import { existsSync, globSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NO_SITE_NOTE } from "../../src/integrations/sitemap";
import { parsePage } from "../../src/quality/link-checker";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

const lessons = {
  "first-lesson.mdx": lessonFile(validFrontmatter({ title: "First Lesson", keywords: ["asyncio"] })),
  "second-lesson.mdx": lessonFile(
    validFrontmatter({ title: "Second Lesson", prerequisites: ["first-lesson"], source: "content/sources/second.md" }),
    "## Gathering\n\nUse asyncio.gather.\n",
  ),
};

/** The text files of the built site (HTML, XML, JS, CSS, JSON), by path inside dist/. */
function builtTexts(dist: string): Map<string, string> {
  const files = globSync("**/*.{html,xml,js,css,json,txt}", { cwd: dist });
  return new Map(files.map((file) => [file, readFileSync(join(dist, file), "utf8")]));
}

describe("the site's address", () => {
  it("without SITE_URL, writes no canonical URL, no sitemap and no localhost address, and says so", () => {
    build = buildFixtureSite(lessons);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(NO_SITE_NOTE);
    const dist = join(build.root, "dist");
    expect(existsSync(join(dist, "sitemap.xml"))).toBe(false);
    const texts = builtTexts(dist);
    expect([...texts.keys()]).toContain("lessons/first-lesson/index.html");
    for (const [file, text] of texts) {
      expect(text, file).not.toMatch(/localhost|127\.0\.0\.1/);
      if (file.endsWith(".html")) expect(text, file).not.toContain('rel="canonical"');
    }
  });

  it("under BASE_PATH, every internal address starts with the base, and canonical URLs and the sitemap carry it", () => {
    build = buildFixtureSite(lessons, {}, { env: { BASE_PATH: "/course", SITE_URL: "https://lessons.example.org" } });
    expect(build.status, build.output).toBe(0);
    const dist = join(build.root, "dist");
    const texts = builtTexts(dist);
    const outside: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith(".html")) continue;
      const { links } = parsePage(text);
      // The search loader's module address sits in a data attribute, which parsePage does not read.
      const modules = [...text.matchAll(/data-search-module="([^"]*)"/g)].map((match) => match[1]!);
      for (const link of [...links, ...modules]) {
        const url = new URL(link, "https://lessons.example.org/course/");
        if (url.origin === "https://lessons.example.org" && !url.pathname.startsWith("/course/")) {
          outside.push(`${file}: ${link}`);
        }
      }
    }
    expect(outside).toEqual([]);

    const lesson = texts.get("lessons/second-lesson/index.html")!;
    expect(lesson).toContain('<link rel="canonical" href="https://lessons.example.org/course/lessons/second-lesson/">');
    expect(lesson).toContain('href="/course/lessons/first-lesson/"');
    const sitemap = texts.get("sitemap.xml")!;
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(listed).toContain("https://lessons.example.org/course/");
    expect(listed).toContain("https://lessons.example.org/course/lessons/first-lesson/");
    expect(listed.every((url) => url!.startsWith("https://lessons.example.org/course/"))).toBe(true);
    // The search bundle looks for Pagefind and the search page under the base.
    expect(texts.get("search-ui.js")).toContain('"/course/"');
  });
});
