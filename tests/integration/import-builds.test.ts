/**
 * Imported drafts build: the project's raw sources, and raw lessons in other common formats
 * (tests/fixtures/import/formats/: Jekyll-style frontmatter synonyms; setext headings, ~~~ fences and CRLF;
 * HTML details, images and comments), each imported to exactly the draft in formats/expected/. Drafts are
 * left out of a normal build and built, with their Draft note, by a preview build (INCLUDE_DRAFTS=1).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { normalizeLesson, type NormalizedLesson } from "../../src/normalize/index";
import { buildFixtureSite, type FixtureBuild } from "../support/fixture-site";

const ROOT = join(import.meta.dirname, "../..");
const SOURCES = join(ROOT, "content/sources");
const LESSONS = join(ROOT, "content/lessons");
const FORMATS = join(ROOT, "tests/fixtures/import/formats");

/** The site's lessons as prerequisites may name them (fixed here, so editing a lesson's title does not move this test). */
const SITE_LESSONS = [
  { id: "async-await-intro", title: "Asynchronous Programming with Async/Await" },
  { id: "coroutines-tasks-event-loop", title: "Coroutines, Tasks and the Event Loop" },
  { id: "python-async-functions", title: "Python Async Functions" },
  { id: "async-await-advanced", title: "Async/Await and Asynchronous Programming" },
];

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

function importFormat(name: string): NormalizedLesson {
  return normalizeLesson(readFileSync(join(FORMATS, name)), {
    file: `tests/fixtures/import/formats/${name}`,
    source: `content/sources/${name}`,
    knownLessons: SITE_LESSONS,
    fileExists: (path) => existsSync(join(FORMATS, path)) && statSync(join(FORMATS, path)).isFile(),
  });
}

const FORMAT_FILES = ["jekyll-generators.md", "setext-async-streams.md", "html-solutions.md"];

/** The frontmatter of an MDX text, parsed. */
const frontmatterOf = (mdx: string): unknown => parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? "");

describe("raw lessons in other formats", () => {
  it.each(FORMAT_FILES)("%s imports to exactly the expected draft", (name) => {
    const lesson = importFormat(name);
    const expected = readFileSync(join(FORMATS, "expected", `${lesson.id}.mdx`), "utf8");
    expect(lesson.mdx).toBe(expected);
  });

  it("maps frontmatter synonyms, keeps unknown keys under extra and resolves prerequisites by title", () => {
    expect(frontmatterOf(importFormat("jekyll-generators.md").mdx)).toEqual({
      title: "Generators",
      description: "Generators produce a sequence of values lazily, one value at a time.",
      authors: ["Ann Lee"],
      difficulty: "intermediate",
      prerequisites: ["coroutines-tasks-event-loop"],
      keywords: ["generator", "iterator"],
      duration: 25,
      source: "content/sources/jekyll-generators.md",
      edits: [],
      language: "python",
      extra: { layout: "post", date: "2024-05-01", permalink: "/generators/" },
      draft: true,
    });
    expect(frontmatterOf(importFormat("setext-async-streams.md").mdx)).toEqual({
      title: "Async Streams",
      description: "Async streams deliver values over time with async for loops.",
      authors: ["Bo Kim", "Cy Diaz"],
      difficulty: "advanced",
      prerequisites: ["async-await-intro", "python-async-functions"],
      keywords: ["async iterator", "stream"],
      duration: 60,
      source: "content/sources/setext-async-streams.md",
      edits: [],
      language: "python",
      draft: true,
    });
  });

  it("reads the CRLF fixture as CRLF (a checkout that converted it would test nothing) and says it converted it", () => {
    expect(readFileSync(join(FORMATS, "setext-async-streams.md"), "utf8")).toMatch(/^---\r\ndifficulty: hard\r\n/);
    expect(importFormat("setext-async-streams.md").notes).toContainEqual(
      expect.objectContaining({ kind: "repaired", message: expect.stringContaining("CRLF") }),
    );
  });

  it("lists the local images to copy, and reports the missing one with its line", () => {
    const lesson = importFormat("html-solutions.md");
    expect(lesson.assets).toEqual([
      { from: "img/event-loop.png", to: "html-solutions/event-loop.png" },
      { from: "img/Task States.png", to: "html-solutions/task-states.png" },
    ]);
    expect(lesson.notes).toContainEqual(
      expect.objectContaining({ kind: "warning", line: 16, message: expect.stringContaining("image img/missing.png") }),
    );
  });
});

/** The project's lessons, the imported raw sources and the format fixtures, with their images. */
function importedSite(extra: Record<string, string> = {}) {
  const lessons: Record<string, string> = {};
  for (const name of readdirSync(LESSONS).filter((file) => file.endsWith(".mdx"))) {
    lessons[name] = readFileSync(join(LESSONS, name), "utf8");
  }
  const drafts = readdirSync(SOURCES)
    .filter((name) => name.endsWith(".md"))
    .map((name) =>
      normalizeLesson(readFileSync(join(SOURCES, name)), {
        file: `content/sources/${name}`,
        source: `content/sources/${name}`,
        knownIds: new Set(),
      }),
    )
    // The raw sources are the project's lessons: their drafts get their own names here.
    .map((lesson) => ({ ...lesson, id: `draft-${lesson.id}` }));
  const formats = FORMAT_FILES.map(importFormat);
  for (const lesson of [...drafts, ...formats]) lessons[`${lesson.id}.mdx`] = lesson.mdx;
  Object.assign(lessons, extra);
  const prepare = (root: string) => {
    for (const { from, to } of formats.flatMap((lesson) => lesson.assets)) {
      const target = join(root, "content/lessons", to);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(FORMATS, from), target);
    }
  };
  return { lessons, prepare, draftIds: [...drafts, ...formats].map((lesson) => lesson.id) };
}

/** Every built HTML file's text, by path under dist/. */
function builtPages(root: string): Map<string, string> {
  const dist = join(root, "dist");
  const pages = new Map<string, string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
    if (file.endsWith(".html")) pages.set(file, readFileSync(join(dist, file), "utf8"));
  }
  return pages;
}

describe("drafts in a build", { timeout: 300_000 }, () => {
  it("INCLUDE_DRAFTS=1 builds every imported draft, with its Draft note, HTML, images and authors", () => {
    const site = importedSite();
    build = buildFixtureSite(site.lessons, {}, { prepare: site.prepare, env: { INCLUDE_DRAFTS: "1" } });
    expect(build.output).toContain("Complete!");
    expect(build.status).toBe(0);
    const page = (id: string) => readFileSync(join(build!.root, "dist/lessons", id, "index.html"), "utf8");
    for (const id of site.draftIds) expect(page(id)).toContain("Draft: imported automatically");

    const html = page("html-solutions");
    expect(html).toMatch(/<details>\s*<summary>Show the solution<\/summary>/);
    expect(html).toContain("<kbd>Ctrl</kbd>+<kbd>C</kbd>");
    expect(html).toMatch(/H<sub>2<\/sub>O and the area is r<sup>2<\/sup>/);
    expect(html).not.toContain("Reviewer: check the image sizes");
    expect(html).not.toContain("onclick");
    // Both local images went through Astro's image pipeline into the site.
    const images = [...html.matchAll(/<img[^>]* src="([^"]+)"[^>]*alt="(The event loop[^"]*|Task states)"/g)];
    expect(images).toHaveLength(2);
    for (const [, src] of images) expect(existsSync(join(build.root, "dist", src!.split("?")[0]!))).toBe(true);

    expect(page("jekyll-generators")).toMatch(/Author<\/dt>\s*<dd[^>]*>Ann Lee<\/dd>/);
    expect(page("setext-async-streams")).toMatch(/Authors<\/dt>\s*<dd[^>]*>Bo Kim, Cy Diaz<\/dd>/);
    expect(page("jekyll-generators")).not.toContain("Knitting for Programmers");
  });

  it("a normal build leaves drafts out of every page, link, search index and the sitemap", () => {
    const site = importedSite();
    build = buildFixtureSite(
      site.lessons,
      {},
      { prepare: site.prepare, env: { SITE_URL: "https://lessons.example.org" } },
    );
    expect(build.output).toContain("Complete!");
    expect(build.status).toBe(0);
    const pages = builtPages(build.root);
    expect(pages.has("lessons/async-await-intro/index.html")).toBe(true);
    for (const id of site.draftIds) {
      expect(pages.has(`lessons/${id}/index.html`)).toBe(false);
      for (const [file, text] of pages) expect(text.includes(`/lessons/${id}/`), `${file} links ${id}`).toBe(false);
    }
    const sitemap = readFileSync(join(build.root, "dist/sitemap.xml"), "utf8");
    expect(sitemap).toContain("/lessons/async-await-intro/");
    for (const id of site.draftIds) expect(sitemap).not.toContain(`/lessons/${id}/`);
    // Pagefind indexes the built lesson pages: the published ones only.
    const entry = JSON.parse(readFileSync(join(build.root, "dist/pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const published = Object.keys(site.lessons).length - site.draftIds.length;
    expect(Object.values(entry.languages).reduce((total, { page_count }) => total + page_count, 0)).toBe(published);
  });

  it("a published lesson listing a draft as prerequisite fails the build, naming both", () => {
    const site = importedSite();
    const intro = site.lessons["async-await-intro.mdx"]!.replace(
      /^prerequisites:.*$/m,
      "prerequisites:\n  - jekyll-generators",
    );
    build = buildFixtureSite({ ...site.lessons, "async-await-intro.mdx": intro }, {}, { prepare: site.prepare });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      'content/lessons/async-await-intro.mdx, prerequisites: "jekyll-generators" is a draft (content/lessons/jekyll-generators.mdx has draft: true)',
    );
  });
});
