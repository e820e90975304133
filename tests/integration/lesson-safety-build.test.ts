/**
 * The threat: a lesson from an untrusted author runs code when the site is
 * built (MDX executes `export` lines), or puts scripts into the built pages.
 * One real build of a site holding tests/fixtures/safety/hostile-lesson.mdx,
 * which tries each way at once, proves that the build fails naming every
 * attempt by file:line and that the `export` never ran.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

const FIXTURE = "tests/fixtures/safety/hostile-lesson.mdx";
const FILE = "content/lessons/hostile-lesson.mdx";

let build: FixtureBuild;
let markerDir: string;
let marker: string;
let lesson: string;

/** The 1-based line of the fixture on which `snippet` first appears. */
function lineOf(snippet: string): number {
  const index = lesson.split("\n").findIndex((line) => line.includes(snippet));
  if (index === -1) throw new Error(`the fixture has no line with ${snippet}`);
  return index + 1;
}

/** The problems the build reported on one line of the hostile lesson (not Astro's own "Location:" line). */
function reported(line: number): string[] {
  return build.output.split("\n").filter((text) => text.trimStart().startsWith(`${FILE}:${line}:`));
}

beforeAll(() => {
  markerDir = mkdtempSync(join(tmpdir(), "lesson-safety-marker-"));
  marker = join(markerDir, "pwned");
  lesson = readFileSync(FIXTURE, "utf8").replace("MARKER_PATH", marker);
  build = buildFixtureSite({
    "a-valid-lesson.mdx": lessonFile(validFrontmatter()),
    "hostile-lesson.mdx": lesson,
  });
}, 120_000);

afterAll(() => {
  build?.cleanup();
  rmSync(markerDir, { recursive: true, force: true });
});

describe("a lesson from an untrusted author, in the real build", () => {
  it("a lesson cannot run code at build time: ESM in a lesson fails the build and never executes", () => {
    expect(build.status).not.toBe(0);
    expect(reported(lineOf("export const pwned"))).toEqual([
      expect.stringContaining('a line starting with "export " is JavaScript to MDX'),
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it("a lesson cannot read the build's environment: {process.env.HOME} fails the build", () => {
    expect(reported(lineOf("{process.env.HOME}"))).toEqual([
      expect.stringContaining("{process.env.HOME} is a JavaScript expression"),
    ]);
    expect(build.output).not.toContain(`is ${process.env.HOME} on the build machine`);
  });

  it("a lesson cannot add scripts to its page: <script> and onError= fail the build", () => {
    expect(reported(lineOf("<script>"))).toEqual([expect.stringContaining("the HTML element <script> is not allowed")]);
    expect(reported(lineOf("onError="))).toEqual([expect.stringContaining("remove the onerror attribute")]);
  });

  it("a lesson cannot link to javascript: or embed data: URLs, in Markdown or HTML, in any letter case", () => {
    expect(reported(lineOf("](javascript:"))).toEqual([
      expect.stringContaining("the link to javascript:alert(1) uses the javascript: scheme"),
    ]);
    expect(reported(lineOf('href="JaVaScRiPt:'))).toEqual([
      expect.stringContaining("the HTML element <a> is not allowed: use a Markdown link"),
      expect.stringContaining('href="JaVaScRiPt:alert(1)" on <a> uses the javascript: scheme'),
    ]);
    expect(reported(lineOf("](data:image"))).toEqual([expect.stringContaining("uses the data: scheme")]);
  });

  it("a lesson cannot use components: <Component /> fails the build", () => {
    expect(reported(lineOf("<Component />"))).toEqual([
      expect.stringContaining("the component <Component> is not allowed in a lesson"),
    ]);
  });

  it("reports all of them in one error that counts them and names the file relative to the project", () => {
    expect(build.output).toContain(`${FILE}: a lesson is content, not a program (9 problems;`);
    expect(build.output).not.toContain("Complete!");
  });
});
