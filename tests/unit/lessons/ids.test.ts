import { describe, expect, it } from "vitest";
import { validateLessonFiles, isLessonFile, lessonFile, lessonIdOf, LESSON_ID } from "../../../src/lessons/ids";
import { lessonIdFor } from "../../../src/lessons/ids";

const messages = (problems: { file: string; field: string; message: string }[]) =>
  problems.map((problem) => `${problem.file} | ${problem.field} | ${problem.message}`);

describe("lesson ids", () => {
  it("derives lesson ids the way the content loader does", () => {
    expect(lessonIdOf("async-intro.mdx")).toBe("async-intro");
    expect(lessonIdOf("Async-Intro.mdx")).toBe("async-intro");
    expect(lessonIdOf("async intro.md")).toBe("async-intro");
  });

  it("names a lesson's file from its id, in the lessons folder unless told otherwise", () => {
    expect(lessonFile("async-intro")).toBe("content/lessons/async-intro.mdx");
    expect(lessonFile("a", "tmp/lessons")).toBe("tmp/lessons/a.mdx");
  });

  it("loads .mdx files only, never hidden ones", () => {
    expect(["a.mdx", "a.md", ".a.mdx", "a.mdx.bak"].filter(isLessonFile)).toEqual(["a.mdx"]);
  });

  it("gives every id the importer writes back unchanged when the loader reads its file", () => {
    const drafts = [
      lessonIdFor("async-generators.md", "Anything"),
      lessonIdFor("lesson-23.md", "Lesson 23: Event Loops & Tasks"),
      lessonIdFor("README.md", "Café  --  Übung mit asyncio.gather()"),
      lessonIdFor("notes.md", "I/O-bound work, part 2"),
    ];
    for (const { id } of drafts) {
      expect(id).toMatch(LESSON_ID);
      expect(lessonIdOf(lessonFile(id).split("/").at(-1)!)).toBe(id);
    }
  });
});

describe("validateLessonFiles", () => {
  it("accepts lowercase .mdx files and ignores files that are not lessons", () => {
    expect(validateLessonFiles("content/lessons", ["a.mdx", "b-c.mdx", ".DS_Store", "notes.txt"])).toEqual([]);
  });

  it("reports case and extension variants that map to one id, naming every file", () => {
    const problems = validateLessonFiles("content/lessons", ["intro.mdx", "Intro.mdx", "intro.md", "other.mdx"]);
    expect(messages(problems)).toEqual([
      'content/lessons/Intro.mdx | file name | duplicate lesson id "intro": content/lessons/intro.md and ' +
        "content/lessons/intro.mdx map to it too; keep one file, named intro.mdx.",
    ]);
  });

  it("reports a lesson file the loader would skip or rename", () => {
    const problems = validateLessonFiles("content/lessons", ["draft.md", "Big Topic.mdx"]);
    expect(messages(problems)).toEqual([
      "content/lessons/Big Topic.mdx | file name | the file name is the lesson id, written in lowercase with hyphens; " +
        "rename it to big-topic.mdx.",
      "content/lessons/draft.md | file name | lessons are .mdx files and this one is not loaded; rename it to draft.mdx.",
    ]);
  });
});
