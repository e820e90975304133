import { afterEach, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

describe("the real build", () => {
  it("succeeds on valid lessons", () => {
    build = buildFixtureSite({ "a-valid-lesson.mdx": lessonFile(validFrontmatter()) });
    expect(build.output).toContain("Complete!");
    expect(build.status).toBe(0);
  });

  it("fails naming the file and the field when frontmatter is invalid", () => {
    build = buildFixtureSite({
      "a-valid-lesson.mdx": lessonFile(validFrontmatter()),
      "bad-difficulty.mdx": lessonFile(validFrontmatter({ difficulty: "expert" })),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("content/lessons/bad-difficulty.mdx");
    expect(build.output).toMatch(/difficulty/);
    expect(build.output).toMatch(/beginner.*intermediate.*advanced/s);
  });

  it("fails when a required field is missing", () => {
    const { keywords, ...withoutKeywords } = validFrontmatter();
    expect(keywords).toBeDefined();
    build = buildFixtureSite({ "no-keywords.mdx": lessonFile(withoutKeywords) });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("no-keywords");
    expect(build.output).toMatch(/keywords/);
  });
});
