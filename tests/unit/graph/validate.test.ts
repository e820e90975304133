import { describe, expect, it } from "vitest";
import { findCycles } from "../../../src/graph/cycles";
import { formatProblems, LessonProblemsError } from "../../../src/graph/problems";
import { validateLessons } from "../../../src/graph/validate";
import { lesson } from "./lessons";

const messages = (problems: { file: string; field: string; message: string }[]) =>
  problems.map((problem) => `${problem.file} | ${problem.field} | ${problem.message}`);

describe("findCycles", () => {
  it("returns each cycle once, as the chain of requirements from its first lesson", () => {
    const requires = new Map([
      ["c", ["a"]],
      ["a", ["b"]],
      ["b", ["c"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(requires)).toEqual([["a", "b", "c", "a"]]);
  });

  it("finds separate cycles and ignores acyclic parts and unknown ids", () => {
    const requires = new Map([
      ["a", ["b"]],
      ["b", ["a"]],
      ["x", ["y", "missing"]],
      ["y", ["z"]],
      ["z", ["x"]],
      ["free", ["a", "x"]],
    ]);
    expect(findCycles(requires)).toEqual([
      ["a", "b", "a"],
      ["x", "y", "z", "x"],
    ]);
  });

  it("finds nothing in a graph without cycles, even with shared prerequisites", () => {
    const requires = new Map([
      ["top", ["left", "right"]],
      ["left", ["base"]],
      ["right", ["base"]],
      ["base", []],
    ]);
    expect(findCycles(requires)).toEqual([]);
  });
});

describe("validateLessons", () => {
  it("accepts a valid course", () => {
    expect(
      validateLessons([
        lesson("intro"),
        lesson("next", { prerequisites: ["intro", { title: "Functions", url: "https://docs.python.org/3/" }] }),
      ]),
    ).toEqual([]);
  });

  it("names the file, the field and the closest existing id for an unknown prerequisite", () => {
    const problems = validateLessons([lesson("async-intro"), lesson("later", { prerequisites: ["asyncintro"] })]);
    expect(messages(problems)).toEqual([
      'content/lessons/later.mdx | prerequisites | "asyncintro" is not the id of any lesson. Did you mean "async-intro"?',
    ]);
  });

  it("suggests nothing when no id is close, and says what a prerequisite is", () => {
    const [problem] = validateLessons([lesson("async-intro"), lesson("later", { prerequisites: ["databases"] })]);
    expect(problem?.message).not.toContain("Did you mean");
    expect(problem?.message).toContain("a lesson file name without .mdx, or { title, url }");
  });

  it("reports a lesson that requires itself", () => {
    expect(messages(validateLessons([lesson("loop", { prerequisites: ["loop"] })]))).toEqual([
      'content/lessons/loop.mdx | prerequisites | the lesson requires itself ("loop"); remove "loop".',
    ]);
  });

  it("reports a cycle with the offending chain", () => {
    const problems = validateLessons([
      lesson("a", { prerequisites: ["b"] }),
      lesson("b", { prerequisites: ["a"] }),
      lesson("c", { prerequisites: ["a"] }),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "content/lessons/a.mdx", field: "prerequisites" });
    expect(problems[0]!.message).toContain("circular prerequisites a -> b -> a");
  });

  it("reports duplicate lesson ids", () => {
    const problems = validateLessons([lesson("a"), { ...lesson("a"), file: "content/lessons/A.mdx" }]);
    expect(messages(problems)).toEqual([
      'content/lessons/A.mdx | file name | lesson id "a" is also the id of content/lessons/a.mdx; rename one of the files.',
    ]);
  });

  it("reports a prerequisite harder than the lesson that needs it, but not an equal or easier one", () => {
    const problems = validateLessons([
      lesson("hard", { difficulty: "advanced" }),
      lesson("mid", { difficulty: "intermediate" }),
      lesson("easy", { prerequisites: ["hard"] }),
      lesson("fine", { difficulty: "advanced", prerequisites: ["hard", "mid"] }),
    ]);
    expect(messages(problems)).toEqual([
      'content/lessons/easy.mdx | prerequisites | "hard" is advanced, harder than this beginner lesson that requires it; ' +
        `raise this lesson's difficulty or lower that of "hard".`,
    ]);
  });

  it("reports a prerequisite listed twice", () => {
    const problems = validateLessons([lesson("a"), lesson("b", { prerequisites: ["a", "a"] })]);
    expect(messages(problems)).toEqual(['content/lessons/b.mdx | prerequisites | "a" is listed twice; keep one.']);
  });

  it("reports an external prerequisite listed twice, by its address", () => {
    const docs = "https://docs.python.org/3/library/asyncio.html";
    const problems = validateLessons([
      lesson("a", {
        prerequisites: [
          { title: "asyncio", url: docs },
          { title: "asyncio docs", url: docs },
          { title: "Generators", url: "https://docs.python.org/3/howto/functional.html" },
        ],
      }),
    ]);
    expect(messages(problems)).toEqual([
      `content/lessons/a.mdx | prerequisites | the external page ${docs} is listed twice; keep one.`,
    ]);
  });

  it("reports keywords whose page addresses collide", () => {
    const problems = validateLessons([lesson("a", { keywords: ["c++"] }), lesson("b", { keywords: ["c#"] })]);
    expect(problems.map((problem) => problem.file).sort()).toEqual(["content/lessons/a.mdx", "content/lessons/b.mdx"]);
    expect(problems[0]!.field).toBe("keywords");
    expect(problems[0]!.message).toContain('keywords "c#" and "c++" would share the page /keywords/c/');
  });

  it("reports every problem of the course at once", () => {
    const problems = validateLessons([
      lesson("a", { prerequisites: ["a", "missing"] }),
      lesson("b", { prerequisites: ["c"] }),
      lesson("c", { prerequisites: ["b"] }),
    ]);
    expect(problems).toHaveLength(3);
  });
});

describe("the error message", () => {
  it("lists every problem, one per line, sorted by file", () => {
    const error = new LessonProblemsError([
      { file: "content/lessons/b.mdx", field: "prerequisites", message: "second." },
      { file: "content/lessons/a.mdx", field: "prerequisites", message: "first." },
    ]);
    expect(error.message).toBe(
      [
        "The lessons have 2 problems; fix them and build again:",
        "  - content/lessons/a.mdx, prerequisites: first.",
        "  - content/lessons/b.mdx, prerequisites: second.",
      ].join("\n"),
    );
    expect(formatProblems(error.problems.slice(0, 1))).toMatch(/^The lessons have 1 problem; fix it/);
  });
});
