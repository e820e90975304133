import { describe, expect, it } from "vitest";
import { buildCourseModel } from "../../../src/lessons/course";
import { entry, lessonHref } from "../lessons/entries";

describe("the lesson digest that learner progress keys completion by", () => {
  it("is the collection entry's content digest, as text", () => {
    const lessons = buildCourseModel(
      [
        { ...entry("a"), digest: "9f2c41aa" },
        { ...entry("b", { prerequisites: ["a"] }), digest: 1234 },
      ],
      lessonHref,
    ).lessons;
    expect(lessons.map((lesson) => [lesson.id, lesson.digest])).toEqual([
      ["a", "9f2c41aa"],
      ["b", "1234"],
    ]);
  });

  it("is empty for an entry without one", () => {
    expect(buildCourseModel([entry("a")], lessonHref).lessons[0]!.digest).toBe("");
  });
});
