import { describe, expect, it } from "vitest";
import { buildLessonGraph, isLesson } from "../../../src/graph/graph";
import { ids, lesson } from "./lessons";

const generators = { title: "Generators", url: "https://docs.python.org/3/howto/functional.html#generators" };
const functions = { title: "Functions", url: "https://docs.python.org/3/tutorial/controlflow.html" };

const graph = buildLessonGraph([
  lesson("intro"),
  lesson("tasks", { prerequisites: ["intro", generators] }),
  lesson("loop", { prerequisites: [functions, "intro"] }),
  lesson("advanced", { prerequisites: ["tasks", "loop", generators] }),
]);

describe("buildLessonGraph", () => {
  it("resolves a lesson's prerequisites in frontmatter order, external ones kept as written", () => {
    const prerequisites = graph.prerequisitesOf("loop");
    expect(prerequisites.map((item) => (isLesson(item) ? item.id : item.title))).toEqual(["Functions", "intro"]);
    expect(ids(graph.requires("advanced"))).toEqual(["tasks", "loop"]);
  });

  it("links each lesson back to the lessons that build on it, in the order given", () => {
    expect(ids(graph.builtOnBy("intro"))).toEqual(["tasks", "loop"]);
    expect(ids(graph.builtOnBy("tasks"))).toEqual(["advanced"]);
    expect(graph.builtOnBy("advanced")).toEqual([]);
  });

  it("lists every external topic once, with the lessons that need it", () => {
    expect(graph.externals.map((topic) => [topic.title, ids(topic.requiredBy)])).toEqual([
      ["Generators", ["tasks", "advanced"]],
      ["Functions", ["loop"]],
    ]);
  });

  it("leaves unknown prerequisites out (validation reports them)", () => {
    const partial = buildLessonGraph([lesson("a", { prerequisites: ["ghost"] })]);
    expect(partial.requires("a")).toEqual([]);
    expect(partial.builtOnBy("ghost")).toEqual([]);
  });
});
