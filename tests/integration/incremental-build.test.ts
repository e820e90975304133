/**
 * A warm rebuild (Astro's caches and our cache of compiled lessons kept,
 * src/integrations/lesson-render-cache.ts) compiles only the edited lesson and
 * still updates every page that shows it: a new title reaches every page that
 * named the old one, and a changed prerequisite changes the links on both
 * lessons.
 */
import { globSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildFixtureSite,
  lessonFile,
  rebuildFixtureSite,
  validFrontmatter,
  type FixtureBuild,
} from "../support/fixture-site";

const lesson = (id: string, title: string, prerequisites: string[] = []) =>
  lessonFile(validFrontmatter({ title, prerequisites, source: `content/sources/${id}.md` }), `Text of ${title}.\n`);
const lessons = {
  "intro.mdx": lesson("intro", "Intro Lesson"),
  "tasks.mdx": lesson("tasks", "Tasks Lesson", ["intro"]),
  "gather.mdx": lesson("gather", "Gather Lesson", ["tasks"]),
  "extra.mdx": lesson("extra", "Extra Lesson"),
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

describe("a warm rebuild after editing one lesson", { timeout: 400_000 }, () => {
  it("compiles only that lesson and shows its new title on every page that named it", () => {
    site = buildFixtureSite(lessons);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 4 compiled, 0 reused from the cache");
    const naming = [...pages(site)].filter(([, html]) => html.includes("Tasks Lesson")).map(([path]) => path);
    // Home, path, keyword pages, its own page, the lesson it requires and the one that requires it, at least.
    expect(naming).toEqual(
      expect.arrayContaining([
        "index.html",
        "path/index.html",
        "lessons/tasks/index.html",
        "lessons/intro/index.html",
        "lessons/gather/index.html",
      ]),
    );

    writeFileSync(join(site.root, "content/lessons/tasks.mdx"), lesson("tasks", "Tasks Renamed", ["intro"]));
    site = rebuildFixtureSite(site);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 1 compiled, 3 reused from the cache");
    const after = pages(site);
    for (const path of naming) expect(after.get(path), path).toContain("Tasks Renamed");
    for (const [path, html] of after) expect(html, path).not.toContain("Tasks Lesson");
  });

  it("changes the links on both lessons when a prerequisite changes", () => {
    const before = pages(site!);
    expect(links(section(before.get("lessons/gather/index.html")!, "before-you-start"))).toEqual(["tasks"]);
    expect(links(section(before.get("lessons/tasks/index.html")!, "built-on-by"))).toEqual(["gather"]);
    expect(links(section(before.get("lessons/extra/index.html")!, "built-on-by"))).toEqual([]);

    writeFileSync(join(site!.root, "content/lessons/gather.mdx"), lesson("gather", "Gather Lesson", ["extra"]));
    site = rebuildFixtureSite(site!);
    expectBuilt(site);
    expect(site.output).toContain("lesson render cache: 1 compiled, 3 reused from the cache");
    const after = pages(site);
    expect(links(section(after.get("lessons/gather/index.html")!, "before-you-start"))).toEqual(["extra"]);
    expect(links(section(after.get("lessons/tasks/index.html")!, "built-on-by"))).toEqual([]);
    expect(links(section(after.get("lessons/extra/index.html")!, "built-on-by"))).toEqual(["gather"]);
  });
});
