import { describe, expect, it } from "vitest";
import { LessonProblemsError } from "../../../src/graph/problems";
import { buildCourseModel, once, type CourseLesson } from "../../../src/lessons/course";
import { entry, lessonHref } from "./entries";

const docs = { title: "Functions", url: "https://docs.python.org/3/tutorial/controlflow.html" };

const entries = [
  entry("advanced", {
    title: "Advanced",
    difficulty: "advanced",
    prerequisites: ["loop", docs],
    keywords: ["task", "gather", "loop"],
    duration: 25,
    objectives: ["Use `gather`"],
  }),
  entry("intro", { title: "Intro", keywords: ["asyncio", "task"], duration: 5, draft: true }),
  entry("loop", {
    title: "Loop",
    difficulty: "intermediate",
    prerequisites: ["intro"],
    keywords: ["loop", "task", "i/o-bound"],
    duration: 12,
  }),
  entry("side", { title: "Side", prerequisites: ["intro"], keywords: ["gather", "task"], duration: 7 }),
];
// The draft is kept here, as `npm run dev` keeps it; the tests at the end leave drafts out.
const course = buildCourseModel(entries, lessonHref, { includeDrafts: true });
const byId = (id: string) => course.lessons.find((lesson) => lesson.id === id)!;

describe("the course model", () => {
  it("numbers the lessons in reading order from 1", () => {
    expect(course.lessons.map((lesson) => [lesson.id, lesson.step])).toEqual([
      ["intro", 1],
      ["side", 2],
      ["loop", 3],
      ["advanced", 4],
    ]);
  });

  it("carries the frontmatter a page shows, with the keywords' page slugs", () => {
    const loop = byId("loop");
    expect(loop).toMatchObject({
      file: "content/lessons/loop.mdx",
      title: "Loop",
      description: "The lesson called loop.",
      difficulty: "intermediate",
      duration: 12,
      draft: false,
      objectives: [],
    });
    expect(loop.keywords).toEqual([
      { keyword: "loop", slug: "loop" },
      { keyword: "task", slug: "task" },
      { keyword: "i/o-bound", slug: "i-o-bound" },
    ]);
    expect(byId("advanced").objectives).toEqual(["Use `gather`"]);
    expect(byId("intro").draft).toBe(true);
  });

  it("names the lessons folder's file when the entry has no path", () => {
    const { filePath: _, ...bare } = entry("alone");
    expect(buildCourseModel([bare], lessonHref).lessons[0]!.file).toBe("content/lessons/alone.mdx");
  });

  it("links every lesson to the same lesson objects, in one shape", () => {
    const advanced = byId("advanced");
    expect(advanced.prerequisites[0]).toBe(byId("loop"));
    expect(advanced.prerequisites[1]).toEqual(docs);
    expect(byId("intro").builtOnBy).toEqual([byId("side"), byId("loop")]);
    expect(byId("intro").previous).toBeUndefined();
    expect(byId("intro").next).toBe(byId("side"));
    expect(advanced.previous).toBe(byId("loop"));
    expect(advanced.next).toBeUndefined();
    // "loop" is next after "side" and "intro" its prerequisite, so neither is related.
    expect(byId("side").related).toEqual([{ lesson: advanced, shared: ["gather", "task"] }]);
    expect(advanced.entry).toBe(entries[0]);
  });

  it("counts each keyword's lessons, sorted by keyword, the lessons in reading order", () => {
    expect(course.keywords.map(({ keyword, slug, count }) => [keyword, slug, count])).toEqual([
      ["asyncio", "asyncio", 1],
      ["gather", "gather", 2],
      ["i/o-bound", "i-o-bound", 1],
      ["loop", "loop", 2],
      ["task", "task", 4],
    ]);
    const task = course.keywords.find((total) => total.keyword === "task")!;
    expect(task.lessons.map((lesson: CourseLesson) => lesson.step)).toEqual([1, 2, 3, 4]);
    expect(task.lessons[0]).toBe(byId("intro"));
  });

  it("counts the difficulties some lesson has, easiest first", () => {
    expect(course.difficulties).toEqual([
      { difficulty: "beginner", count: 2 },
      { difficulty: "intermediate", count: 1 },
      { difficulty: "advanced", count: 1 },
    ]);
    const easy = buildCourseModel([entry("a"), entry("b", { difficulty: "advanced" })], lessonHref);
    expect(easy.difficulties).toEqual([
      { difficulty: "beginner", count: 1 },
      { difficulty: "advanced", count: 1 },
    ]);
  });

  it("adds up the durations", () => {
    expect(course.minutes).toBe(5 + 7 + 12 + 25);
  });

  it("lays out the picture with the addresses it is given", () => {
    const hrefs = course.picture.nodes.map((node) => node.href);
    expect(hrefs).toContain("/base/lessons/intro/");
    expect(hrefs).toContain(docs.url);
    expect(course.picture.edges).toHaveLength(4);
  });

  it("refuses lessons that do not form a course, listing every problem", () => {
    const build = () =>
      buildCourseModel(
        [entry("a", { prerequisites: ["b"] }), entry("b", { prerequisites: ["a", "nope"] })],
        lessonHref,
      );
    expect(build).toThrow(LessonProblemsError);
    expect(build).toThrow(/^The lessons have 2 problems/);
  });
});

describe("drafts", () => {
  const published = [
    entry("intro", { title: "Intro", keywords: ["task"] }),
    entry("next", { title: "Next", prerequisites: ["intro"], keywords: ["task", "loop"] }),
    entry("draft", { title: "Draft", prerequisites: ["intro"], keywords: ["loop", "draftonly"], draft: true }),
  ];

  it("are left out of the lessons, reading order, neighbours, related lessons, keywords and totals by default", () => {
    const model = buildCourseModel(published, lessonHref);
    expect(model.lessons.map((lesson) => lesson.id)).toEqual(["intro", "next"]);
    const intro = model.lessons[0]!;
    expect(intro.builtOnBy.map((lesson) => lesson.id)).toEqual(["next"]);
    expect(intro.next?.id).toBe("next");
    expect(model.lessons[1]!.next).toBeUndefined();
    expect(model.lessons.flatMap((lesson) => lesson.related.map(({ lesson: other }) => other.id))).not.toContain(
      "draft",
    );
    expect(model.keywords.map(({ keyword }) => keyword)).toEqual(["loop", "task"]);
    expect(model.minutes).toBe(20);
  });

  it("are kept, marked, when asked for (npm run dev, INCLUDE_DRAFTS=1)", () => {
    const model = buildCourseModel(published, lessonHref, { includeDrafts: true });
    expect(model.lessons.map((lesson) => [lesson.id, lesson.draft])).toEqual([
      ["intro", false],
      ["draft", true],
      ["next", false],
    ]);
  });

  it("fail the build, naming both files, when a published lesson lists a draft as prerequisite", () => {
    const build = () =>
      buildCourseModel([...published, entry("later", { prerequisites: ["draft", "intro"] })], lessonHref);
    expect(build).toThrow(LessonProblemsError);
    expect(build).toThrow(
      'content/lessons/later.mdx, prerequisites: "draft" is a draft (content/lessons/draft.mdx has draft: true)',
    );
  });
});

describe("once", () => {
  it("runs its work on the first call only and hands every caller the same promise", async () => {
    let runs = 0;
    const get = once(async () => ({ run: ++runs }));
    const [first, second] = await Promise.all([get(), get()]);
    expect(await get()).toBe(first);
    expect(second).toBe(first);
    expect(runs).toBe(1);
  });

  it("hands every caller the first call's error, without running again", async () => {
    let runs = 0;
    const get = once(async () => {
      runs += 1;
      throw new Error(`broken ${runs}`);
    });
    await expect(get()).rejects.toThrow("broken 1");
    await expect(get()).rejects.toThrow("broken 1");
    expect(runs).toBe(1);
  });
});
