/**
 * A warm rebuild (Astro's caches and our cache of compiled lessons kept,
 * src/integrations/lesson-render-cache.ts) compiles only the edited lesson,
 * copies the pages that do not show it from the last build (Astro's
 * incremental build, keyed by src/lessons/page-keys.ts), and still updates
 * every page that shows it: a new title reaches every page that named the old
 * one, and a changed prerequisite changes the links on both lessons. The
 * lessons are chosen so that some pages show the edited lesson only through
 * the course graph (a lesson it builds on, the one after it): a page key that
 * forgot the graph would copy those pages unchanged, and these tests fail.
 */
import { globSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildFixtureSite,
  lessonFile,
  rebuildFixtureSite,
  validFrontmatter,
  type FixtureBuild,
} from "../support/fixture-site";

const lesson = (id: string, title: string, keywords: string[], prerequisites: string[] = []) =>
  lessonFile(
    validFrontmatter({ title, keywords, prerequisites, source: `content/sources/${id}.md` }),
    `Text of ${title}.\n`,
  );
// Reading order: alpha, beta, extra, intro, tasks, gather (all beginner: by prerequisites, then title).
const lessons = {
  "alpha.mdx": lesson("alpha", "Alpha Lesson", ["concurrency"]),
  "beta.mdx": lesson("beta", "Beta Lesson", ["concurrency"]),
  "extra.mdx": lesson("extra", "Extra Lesson", ["event loop"]),
  "intro.mdx": lesson("intro", "Intro Lesson", ["asyncio"]),
  "tasks.mdx": lesson("tasks", "Tasks Lesson", ["task"], ["intro"]),
  "gather.mdx": lesson("gather", "Gather Lesson", ["gather"], ["tasks"]),
};

let site: FixtureBuild | undefined;
afterAll(() => site?.cleanup());

/** Every built page (path under dist/ -> HTML). */
const pages = (build: FixtureBuild) =>
  new Map(
    globSync("**/*.html", { cwd: join(build.root, "dist") }).map((path) => [
      path,
      readFileSync(join(build.root, "dist", path), "utf8"),
    ]),
  );
const section = (html: string, labelledBy: string) =>
  new RegExp(`<section[^>]*aria-labelledby="${labelledBy}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
/** The lessons a part of a page links to, each once (the progress note repeats a prerequisite's link, hidden). */
const links = (html: string) => [
  ...new Set([...html.matchAll(/href="\/lessons\/([^/"]+)\/"/g)].map((match) => match[1])),
];
const expectBuilt = (build: FixtureBuild) => expect(build.status, build.output.slice(-3000)).toBe(0);
/** The pages the build copied from the last one instead of rendering them (Astro logs "(restored)"). */
const copied = (build: FixtureBuild) =>
  [...build.output.matchAll(/─ \/(\S+) \((?:restored|cached)\)/g)].map((match) => match[1]).sort();

describe("a warm rebuild after editing one lesson", { timeout: 400_000 }, () => {
  it("compiles only that lesson and shows its new title on every page that named it", () => {
    site = buildFixtureSite(lessons);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 6 compiled, 0 reused from the cache");
    expect(copied(site)).toEqual([]);
    const naming = [...pages(site)].filter(([, html]) => html.includes("Tasks Lesson")).map(([path]) => path);
    // Home, path, its keyword's page, its own page, the lesson it requires and the one that requires it, at least.
    expect(naming).toEqual(
      expect.arrayContaining([
        "index.html",
        "path/index.html",
        "keywords/task/index.html",
        "lessons/tasks/index.html",
        "lessons/intro/index.html",
        "lessons/gather/index.html",
      ]),
    );

    expect(naming).not.toContain("lessons/alpha/index.html");

    writeFileSync(join(site.root, "content/lessons/tasks.mdx"), lesson("tasks", "Tasks Renamed", ["task"], ["intro"]));
    site = rebuildFixtureSite(site);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 1 compiled, 5 reused from the cache");
    const after = pages(site);
    for (const path of naming) expect(after.get(path), path).toContain("Tasks Renamed");
    for (const [path, html] of after) expect(html, path).not.toContain("Tasks Lesson");
    // The incremental build is on: the lesson and keyword pages that do not show the lesson are copied, and the raw sources.
    expect(copied(site)).toEqual(
      [
        "keywords/asyncio/index.html",
        "keywords/concurrency/index.html",
        "keywords/event-loop/index.html",
        "keywords/gather/index.html",
        "lessons/alpha/index.html",
        "lessons/beta/index.html",
        "lessons/extra/index.html",
        // No raw source changed.
        ...Object.keys(lessons).map((name) => `sources/${name.replace(/\.mdx$/, ".md")}`),
      ].sort(),
    );
  });

  it("changes the links on both lessons when a prerequisite changes", () => {
    const before = pages(site!);
    expect(links(section(before.get("lessons/gather/index.html")!, "before-you-start"))).toEqual(["tasks"]);
    expect(links(section(before.get("lessons/tasks/index.html")!, "built-on-by"))).toEqual(["gather"]);
    expect(links(section(before.get("lessons/extra/index.html")!, "built-on-by"))).toEqual([]);

    writeFileSync(
      join(site!.root, "content/lessons/gather.mdx"),
      lesson("gather", "Gather Lesson", ["gather"], ["extra"]),
    );
    site = rebuildFixtureSite(site!);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 1 compiled, 5 reused from the cache");
    const after = pages(site);
    expect(links(section(after.get("lessons/gather/index.html")!, "before-you-start"))).toEqual(["extra"]);
    expect(links(section(after.get("lessons/tasks/index.html")!, "built-on-by"))).toEqual([]);
    expect(links(section(after.get("lessons/extra/index.html")!, "built-on-by"))).toEqual(["gather"]);
    // Alpha and beta come before the change in reading order and share nothing with it.
    expect(copied(site)).toEqual(expect.arrayContaining(["lessons/alpha/index.html", "lessons/beta/index.html"]));
  });
});

describe("a warm rebuild after editing a raw source", { timeout: 400_000 }, () => {
  it("serves the new text at /sources/ (its route's key is the path; Astro hashes the text with the route's code)", () => {
    const root = site!.root;
    const served = (name: string) => readFileSync(join(root, "dist/sources", name), "utf8");
    expect(served("alpha.md")).toContain("Raw source of alpha.mdx");
    writeFileSync(join(root, "content/sources/alpha.md"), "# Alpha, as its author wrote it again\n");
    site = rebuildFixtureSite(site!);
    expectBuilt(site);
    expect(served("alpha.md")).toBe("# Alpha, as its author wrote it again\n");
    expect(served("beta.md")).toContain("Raw source of beta.mdx");
  });
});

describe("after those warm rebuilds", { timeout: 400_000 }, () => {
  it("every page is the same as in a cold build of the same files", () => {
    const root = site!.root;
    const current = Object.fromEntries(
      readdirSync(join(root, "content/lessons")).map((name) => [
        name,
        readFileSync(join(root, "content/lessons", name), "utf8"),
      ]),
    );
    const source = "content/sources/alpha.md";
    const cold = buildFixtureSite(current, { [source]: readFileSync(join(root, source), "utf8") });
    try {
      expectBuilt(cold);
      expect(copied(cold)).toEqual([]);
      const warmPages = pages(site!);
      const coldPages = pages(cold);
      expect([...warmPages.keys()].sort()).toEqual([...coldPages.keys()].sort());
      for (const [path, html] of coldPages) expect(warmPages.get(path), path).toBe(html);
    } finally {
      cold.cleanup();
    }
  });
});
