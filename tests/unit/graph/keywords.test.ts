import { describe, expect, it } from "vitest";
import { isOnEveryLesson, keywordIndex, keywordSlug, keywordSlugProblems } from "../../../src/graph/keywords";
import { ids, lesson } from "./lessons";

describe("keywordSlug", () => {
  it("makes readable, stable slugs, turning / and . into hyphens", () => {
    expect(keywordSlug("event loop")).toBe("event-loop");
    expect(keywordSlug("i/o-bound")).toBe("i-o-bound");
    expect(keywordSlug("asyncio.gather")).toBe("asyncio-gather");
    expect(keywordSlug("node.js")).toBe("node-js");
    expect(keywordSlug("i/o-bound")).toBe(keywordSlug("i/o-bound"));
  });

  it("keeps keywords that differ only in punctuation apart where it can", () => {
    expect(keywordSlug("i/o")).not.toBe(keywordSlug("io"));
  });
});

describe("keywordIndex", () => {
  it("lists every keyword once, sorted, with its lessons in the order given", () => {
    const index = keywordIndex([
      lesson("a", { keywords: ["task", "asyncio"] }),
      lesson("b", { keywords: ["asyncio"] }),
    ]);
    expect(index.map((entry) => [entry.keyword, entry.slug, ids(entry.lessons)])).toEqual([
      ["asyncio", "asyncio", ["a", "b"]],
      ["task", "task", ["a"]],
    ]);
  });
});

describe("keywordSlugProblems", () => {
  it("reports keywords that would share a page, on every file that uses one", () => {
    const problems = keywordSlugProblems([
      lesson("a", { keywords: ["c++", "asyncio"] }),
      lesson("b", { keywords: ["c#"] }),
      lesson("c", { keywords: ["asyncio"] }),
    ]);
    expect(problems.map((problem) => problem.file).sort()).toEqual(["content/lessons/a.mdx", "content/lessons/b.mdx"]);
  });

  it("finds nothing when every slug is unique", () => {
    expect(keywordSlugProblems([lesson("a", { keywords: ["i/o-bound", "io", "asyncio.gather"] })])).toEqual([]);
  });
});

describe("isOnEveryLesson", () => {
  it("is true only for a keyword that every lesson of the course has", () => {
    const lessons = [lesson("a", { keywords: ["asyncio", "task"] }), lesson("b", { keywords: ["asyncio"] })];
    const reach = keywordIndex(lessons).map((entry) => [entry.keyword, isOnEveryLesson(entry.lessons.length, 2)]);
    expect(reach).toEqual([
      ["asyncio", true],
      ["task", false],
    ]);
    expect(isOnEveryLesson(0, 0)).toBe(false);
  });
});
