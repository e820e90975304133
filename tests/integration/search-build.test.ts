import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

const lessons = {
  "first-lesson.mdx": lessonFile(validFrontmatter({ title: "First Lesson", keywords: ["asyncio", "event loop"] })),
  "second-lesson.mdx": lessonFile(
    validFrontmatter({ title: "Second Lesson", difficulty: "advanced", source: "content/sources/second.md" }),
    "## Gathering\n\nUse asyncio.gather.\n",
  ),
};

/** The project's config, with a Pagefind that reports an error while indexing, as a broken install would. */
const failingConfig = `
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { pagefind } from "./src/search/pagefind-index.ts";
import { pythonRunner } from "./src/integrations/python-runner.ts";

const brokenPagefind = {
  createIndex: async () => ({
    errors: [],
    index: {
      addDirectory: async () => ({ errors: ["Failed to parse HTML: unexpected end of file"], page_count: 0 }),
      writeFiles: async () => ({ errors: [], outputPath: "" }),
    },
  }),
  close: async () => null,
};

export default defineConfig({
  site: "http://localhost:4321",
  trailingSlash: "always",
  // pythonRunner: lesson pages import the runner's address.
  integrations: [mdx(), pythonRunner(), pagefind({ api: brokenPagefind })] });
`;

describe("the search index in the real build", () => {
  it("holds the lesson pages and nothing else, with their filters", () => {
    build = buildFixtureSite(lessons);
    expect(build.status, build.output).toBe(0);
    const dist = join(build.root, "dist");
    const entry = JSON.parse(readFileSync(join(dist, "pagefind/pagefind-entry.json"), "utf8"));
    // Home, 404 and the search page are built too, but only the two lessons mark a body to index.
    expect(entry.languages.en.page_count).toBe(2);

    const html = readFileSync(join(dist, "lessons/first-lesson/index.html"), "utf8");
    expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(html).toContain('data-pagefind-filter="difficulty[data-difficulty]"');
    expect(html).toContain('data-keyword="event loop"');
    expect(html).toContain('data-keywords="asyncio, event loop"');
    expect(readFileSync(join(dist, "index.html"), "utf8")).not.toContain("data-pagefind-body");
    // The search UI is one file next to the index, and dev-only code is gone from it.
    expect(readFileSync(join(dist, "search-ui.js"), "utf8")).not.toContain("import.meta");
  });

  it("fails when Pagefind reports an error, with Pagefind's message", () => {
    build = buildFixtureSite(lessons, { "astro.config.mjs": failingConfig });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("Pagefind failed to index the HTML files");
    expect(build.output).toContain("Failed to parse HTML: unexpected end of file");
  });
});
