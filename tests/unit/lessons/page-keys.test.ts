import { describe, expect, it } from "vitest";
import { buildCourseModel, type LessonEntry } from "../../../src/lessons/course";
import { keywordPageKey, lessonPageKey } from "../../../src/lessons/page-keys";
import { entry, lessonHref } from "./entries";

// Reading order: a, b, c, far, zz (all beginner; c requires b, b requires a). Only far has the keyword "event loop".
const lessons = (changes: Record<string, Partial<LessonEntry["data"]>> = {}, digests: Record<string, string> = {}) =>
  [
    entry("a", { title: "A", keywords: ["task"] }),
    entry("b", { title: "B", keywords: ["gather"], prerequisites: ["a"] }),
    entry("c", { title: "C", keywords: ["gather"], prerequisites: ["b"] }),
    entry("far", { title: "Z far", keywords: ["event loop"] }),
    entry("zz", { title: "Zz last", keywords: ["queue"] }),
  ].map((item) => ({
    ...item,
    data: { ...item.data, ...changes[item.id] },
    digest: digests[item.id] ?? `digest-${item.id}`,
  }));

const keys = (list: LessonEntry[]) => {
  const course = buildCourseModel(list, lessonHref);
  return {
    lessons: Object.fromEntries(course.lessons.map((lesson) => [lesson.id, lessonPageKey(lesson)])),
    keywords: Object.fromEntries(
      course.keywords.map((keyword) => [keyword.slug, keywordPageKey(keyword, course.lessons.length)]),
    ),
  };
};
const changed = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before)
    .filter((id) => before[id] !== after[id])
    .sort();

describe("page cache keys", () => {
  const before = keys(lessons());

  it("are the same for the same course", () => {
    expect(keys(lessons())).toEqual(before);
  });

  it("change for a lesson whose file changed, even with the same fields (the body is in the digest)", () => {
    const after = keys(lessons({}, { far: "digest-far-2" }));
    // The pages before and after it show it in the pager; its digest is one of its fields (learner progress reads it).
    expect(changed(before.lessons, after.lessons)).toEqual(["c", "far", "zz"]);
    expect(changed(before.keywords, after.keywords)).toEqual(["event-loop"]);
  });

  it("change for every page that shows a renamed lesson: its own, the lessons linked to it, its keyword pages", () => {
    const after = keys(lessons({ b: { title: "B renamed" } }, { b: "digest-b-2" }));
    // a: built on by b and followed by b; c: requires b and follows it. far and zz show nothing of b.
    expect(changed(before.lessons, after.lessons)).toEqual(["a", "b", "c"]);
    expect(changed(before.keywords, after.keywords)).toEqual(["gather"]);
  });

  it("change for a lesson when one it links to changes a field shown beside the link (difficulty)", () => {
    const after = keys(lessons({ c: { difficulty: "intermediate" } }, { c: "digest-c-2" }));
    expect(changed(before.lessons, after.lessons)).toContain("b");
  });

  it("change for both lessons of a changed prerequisite, and not for a lesson the change does not reach", () => {
    const after = keys(lessons({ c: { prerequisites: ["a"] } }, { c: "digest-c-2" }));
    // a is now built on by c; b no longer is; far follows c. zz keeps its key: nothing it shows changed.
    expect(changed(before.lessons, after.lessons)).toEqual(["a", "b", "c", "far"]);
  });

  it("change for every keyword page when the number of lessons changes", () => {
    const after = keys([...lessons(), { ...entry("new", { title: "New", keywords: ["stream"] }), digest: "n" }]);
    expect(changed(before.keywords, after.keywords)).toEqual(["event-loop", "gather", "queue", "task"]);
  });
});
