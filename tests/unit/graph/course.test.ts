import { describe, expect, it } from "vitest";
import { buildCourse } from "../../../src/graph/course";
import { isLesson } from "../../../src/graph/graph";
import { LessonProblemsError } from "../../../src/graph/problems";
import { ids, lesson } from "./lessons";

const docs = { title: "Functions", url: "https://docs.python.org/3/tutorial/controlflow.html" };

const course = buildCourse([
  lesson("advanced", {
    title: "Advanced",
    difficulty: "advanced",
    prerequisites: ["loop", docs],
    keywords: ["task", "gather", "loop"],
  }),
  lesson("intro", { title: "Intro", keywords: ["asyncio", "task"] }),
  lesson("loop", { title: "Loop", difficulty: "intermediate", prerequisites: ["intro"], keywords: ["loop", "task"] }),
  lesson("side", { title: "Side", prerequisites: ["intro"], keywords: ["gather", "task"] }),
]);

describe("buildCourse", () => {
  it("puts the lessons in reading order", () => {
    expect(ids(course.lessons)).toEqual(["intro", "side", "loop", "advanced"]);
  });

  it("gives each lesson its previous and next in reading order", () => {
    const first = course.linksOf("intro");
    expect(first.previous).toBeUndefined();
    expect(first.next?.id).toBe("side");
    const last = course.linksOf("advanced");
    expect(last.previous?.id).toBe("loop");
    expect(last.next).toBeUndefined();
  });

  it("gives each lesson its prerequisites and the lessons that build on it", () => {
    const links = course.linksOf("advanced");
    expect(links.prerequisites.map((item) => (isLesson(item) ? item.id : item.url))).toEqual(["loop", docs.url]);
    expect(ids(course.linksOf("intro").builtOnBy)).toEqual(["side", "loop"]);
  });

  it("leaves prerequisites and the next lesson out of the related ones", () => {
    // "loop" is next after "side"; "intro" is its prerequisite.
    expect(ids(course.linksOf("side").related.map((item) => item.lesson))).toEqual(["advanced"]);
    expect(course.linksOf("side").related[0]!.shared).toEqual(["gather", "task"]);
  });

  it("indexes the keywords with their lessons in reading order", () => {
    const task = course.keywords.find((entry) => entry.keyword === "task")!;
    expect(ids(task.lessons)).toEqual(["intro", "side", "loop", "advanced"]);
  });

  it("refuses to build a course with problems, listing all of them", () => {
    const build = () =>
      buildCourse([lesson("a", { prerequisites: ["b"] }), lesson("b", { prerequisites: ["a", "nope"] })]);
    expect(build).toThrow(LessonProblemsError);
    expect(build).toThrow(/^The lessons have 2 problems/);
    expect(build).toThrow(/content\/lessons\/a\.mdx, prerequisites: circular prerequisites a -> b -> a/);
    expect(build).toThrow(/content\/lessons\/b\.mdx, prerequisites: "nope" is not the id of any lesson/);
  });

  it("rejects an id that is not in the course", () => {
    expect(() => course.linksOf("ghost")).toThrow('No lesson has the id "ghost".');
  });
});
