import { describe, expect, it } from "vitest";
import { relatedLessons } from "../../../src/graph/related";
import { ids, lesson } from "./lessons";

const course = [
  lesson("here", { keywords: ["asyncio", "task", "event loop", "gather"] }),
  lesson("prereq", { keywords: ["asyncio", "task", "event loop", "gather"] }),
  lesson("near", { keywords: ["asyncio", "task"] }),
  lesson("most", { keywords: ["gather", "task", "event loop"] }),
  lesson("far", { keywords: ["asyncio", "gather"] }),
  lesson("nothing", { keywords: ["threads"] }),
];
const here = course[0]!;

describe("relatedLessons", () => {
  it("ranks by the number of shared keywords and shows which ones, in this lesson's order", () => {
    const related = relatedLessons(here, course, new Set(["prereq"]));
    expect(related.map(({ lesson, shared }) => [lesson.id, shared])).toEqual([
      ["most", ["task", "event loop", "gather"]],
      ["near", ["asyncio", "task"]],
      ["far", ["asyncio", "gather"]],
    ]);
  });

  it("never lists the lesson itself or one already linked as prerequisite or next", () => {
    const related = relatedLessons(here, course, new Set(["prereq", "most"]));
    expect(ids(related.map((item) => item.lesson))).toEqual(["near", "far"]);
    expect(ids(relatedLessons(here, [here], new Set()).map((item) => item.lesson))).toEqual([]);
  });

  it("breaks ties by nearness in reading order, and keeps at most three", () => {
    const wide = [
      lesson("a", { keywords: ["x"] }),
      lesson("b", { keywords: ["x"] }),
      lesson("c", { keywords: ["x"] }),
      lesson("me", { keywords: ["x"] }),
      lesson("d", { keywords: ["x"] }),
    ];
    const related = relatedLessons(wide[3]!, wide, new Set());
    expect(ids(related.map((item) => item.lesson))).toEqual(["c", "d", "b"]);
  });

  it("leaves out lessons that share no keyword", () => {
    const related = relatedLessons(course[5]!, course, new Set());
    expect(related).toEqual([]);
  });
});
