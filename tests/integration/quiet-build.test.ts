/**
 * A build of the course prints no warnings at all, so that a real one is
 * never buried. Before, Rolldown printed a ten-line MODULE_LEVEL_DIRECTIVE
 * warning for every lesson (src/integrations/quiet-build.ts) and Astro two
 * warnings about the CSP on every build. The second build, without the
 * integration, proves the check finds warnings when there are some.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { courseLessons } from "../../src/bench/site";
import { ROOT } from "../../src/tooling/site-copy";
import { buildFixtureSite, type FixtureBuild } from "../support/fixture-site";

/** The lines of a build log that warn: Astro's and Vite's `[WARN]`, and anything else calling itself a warning. */
function warnings(output: string): string[] {
  return output.split("\n").filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line));
}

const env = { SITE_URL: "https://lessons.example.org" };
const builds: FixtureBuild[] = [];
afterAll(() => builds.forEach((build) => build.cleanup()));

describe("the build log", { timeout: 240_000 }, () => {
  it("a build of the course prints no warning", () => {
    const build = buildFixtureSite(courseLessons(), {}, { env });
    builds.push(build);
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain("Complete!");
    expect(warnings(build.output)).toEqual([]);
  });

  it("without the quiet-build integration, every lesson warns again, and the check above sees it", () => {
    const config = readFileSync(join(ROOT, "astro.config.mjs"), "utf8");
    const loud = config.replace(/quietBuild\(\),\s*/, "");
    expect(loud, "astro.config.mjs no longer lists quietBuild(), ").not.toBe(config);
    const lessons = courseLessons();
    const build = buildFixtureSite(lessons, { "astro.config.mjs": loud }, { env });
    builds.push(build);
    expect(build.status, build.output).toBe(0);
    const found = warnings(build.output);
    expect(found.filter((line) => line.includes("[MODULE_LEVEL_DIRECTIVE]"))).toHaveLength(Object.keys(lessons).length);
    expect(found.every((line) => line.includes('"use astro:head-inject"'))).toBe(true);
  });
});
