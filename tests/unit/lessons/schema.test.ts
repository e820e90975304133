import { describe, expect, it } from "vitest";
import { lessonSchema, singularPhrase } from "../../../src/lessons/schema";
import { readLessons } from "../../support/lessons";
import { validFrontmatter } from "../../support/fixture-site";

const problems = (data: Record<string, unknown>) => {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("lessonSchema", () => {
  it("accepts a complete lesson and fills defaults", () => {
    const parsed = lessonSchema.parse(validFrontmatter({ prerequisites: undefined }));
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.draft).toBe(false);
  });

  it.each([
    ["Lesson 23: Async", "title"],
    ["Lesson 5.2: Asynchronous Programming", "title"],
    ["Chapter 4 - Tasks", "title"],
  ])("rejects foreign course numbering in %j", (title, field) => {
    expect(problems(validFrontmatter({ title }))).toEqual([
      expect.stringMatching(new RegExp(`^${field}: .*numbering`)),
    ]);
  });

  it("rejects a description of more than one sentence", () => {
    expect(problems(validFrontmatter({ description: "First sentence here. Second sentence here." }))).toEqual([
      "description: the description is one sentence",
    ]);
  });

  it("rejects two spellings of one keyword concept", () => {
    expect(problems(validFrontmatter({ keywords: ["coroutine", "coroutines"] }))).toEqual([
      'keywords: keywords "coroutine" and "coroutines" spell one concept; keep "coroutine"',
    ]);
    expect(problems(validFrontmatter({ keywords: ["event loop", "event loops"] }))).toHaveLength(1);
  });

  it("rejects uppercase keywords and unknown fields", () => {
    expect(problems(validFrontmatter({ keywords: ["AsyncIO"] }))).toHaveLength(1);
    expect(problems(validFrontmatter({ author: "someone" }))).toEqual([expect.stringContaining("author")]);
  });

  it("accepts external prerequisites only with an http(s) url", () => {
    expect(
      problems(validFrontmatter({ prerequisites: [{ title: "Generators", url: "https://docs.python.org/3/" }] })),
    ).toEqual([]);
    expect(
      problems(validFrontmatter({ prerequisites: [{ title: "Generators", url: "javascript:alert(1)" }] })),
    ).toHaveLength(1);
    expect(problems(validFrontmatter({ prerequisites: ["Not An Id"] }))).toHaveLength(1);
  });

  it("accepts editor's notes with what changed and why, and refuses a note without either", () => {
    const note = { change: "Title changed.", why: "Two lessons had the same title.", section: "error-handling" };
    expect(lessonSchema.parse(validFrontmatter({ edits: [note] })).edits).toEqual([note]);
    expect(lessonSchema.parse(validFrontmatter()).edits).toBeUndefined();
    expect(problems(validFrontmatter({ edits: [{ change: "Title changed." }] }))).toEqual([
      expect.stringMatching(/^edits\.0\.why: /),
    ]);
    expect(problems(validFrontmatter({ edits: [{ ...note, section: "#Error Handling" }] }))).toEqual([
      expect.stringMatching(/^edits\.0\.section: section is a heading id/),
    ]);
  });

  it("singularizes every word of a phrase", () => {
    expect(singularPhrase("event loops")).toBe("event loop");
    expect(singularPhrase("async iterators")).toBe("async iterator");
    expect(singularPhrase("asyncio")).toBe("asyncio");
  });
});

describe("the course", () => {
  const lessons = readLessons();

  it("has the four normalized lessons, each from its own raw source", () => {
    expect(lessons).toHaveLength(4);
    expect(new Set(lessons.map((lesson) => lesson.data.source)).size).toBe(4);
  });

  it("has one entry lesson; every other lesson has an on-site prerequisite", () => {
    const onSite = (lesson: (typeof lessons)[number]) =>
      lesson.data.prerequisites.filter((prerequisite) => typeof prerequisite === "string");
    expect(lessons.filter((lesson) => onSite(lesson).length === 0)).toHaveLength(1);
    const ids = new Set(lessons.map((lesson) => lesson.id));
    for (const lesson of lessons) for (const id of onSite(lesson)) expect(ids).toContain(id);
  });

  it("has no mojibake, dead links or foreign lesson numbers", () => {
    for (const lesson of lessons) {
      expect(lesson.body, lesson.id).not.toMatch(/â€|ðŸ|Ã/);
      expect(lesson.body, lesson.id).not.toMatch(/Back to TOC|Lesson \d+|\]\(\.\/|\.md\)/);
      expect(lesson.body, lesson.id).not.toMatch(/^#+ .*:\s*$/m);
    }
  });

  it("tags every code fence with its language", () => {
    for (const lesson of lessons) {
      const fences = lesson.body.match(/^```.*$/gm) ?? [];
      const openings = fences.filter((_, index) => index % 2 === 0);
      for (const fence of openings) expect(fence, lesson.id).toMatch(/^```[a-z]+/);
    }
  });
});
