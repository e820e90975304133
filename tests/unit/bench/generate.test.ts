import { describe, expect, it } from "vitest";
import { generateLessons } from "../../../src/bench/generate";
import { extractBlocks } from "../../../src/codeblocks/extract";
import { choosePython } from "../../../src/codeblocks/interpreter";
import { runBlocks } from "../../../src/codeblocks/suite";
import { graphLesson } from "../../../src/graph/graph";
import { validateLessons } from "../../../src/graph/validate";
import { lessonSchema } from "../../../src/lessons/schema";

const lessons = generateLessons(60);

describe("generated benchmark lessons", () => {
  it("are the same for the same count", () => {
    expect(generateLessons(60).map((lesson) => lesson.text)).toEqual(lessons.map((lesson) => lesson.text));
  });

  it("have valid frontmatter and a valid prerequisite graph, with every difficulty", () => {
    for (const lesson of lessons) expect(lessonSchema.safeParse(lesson.data).error, lesson.id).toBeUndefined();
    const problems = validateLessons(
      lessons.map((lesson) => graphLesson(lesson.id, `content/lessons/${lesson.id}.mdx`, lesson.data)),
    );
    expect(problems).toEqual([]);
    expect(new Set(lessons.map((lesson) => lesson.data.difficulty))).toEqual(
      new Set(["beginner", "intermediate", "advanced"]),
    );
    expect(lessons.filter((lesson) => lesson.data.prerequisites.length > 0).length).toBe(lessons.length - 1);
  });

  it("are about 1,500 words of prose with 3 Python blocks, each followed by its output", () => {
    for (const lesson of lessons) {
      const prose = lesson.text.split("---\n")[2]!.replace(/```[\s\S]*?```/g, "");
      const words = prose.split(/\s+/).filter(Boolean).length;
      expect(words, lesson.id).toBeGreaterThan(1300);
      expect(words, lesson.id).toBeLessThan(1700);
      const blocks = extractBlocks(lesson.text, `${lesson.id}.mdx`);
      expect(blocks).toHaveLength(3);
      for (const block of blocks) expect(block.output, `${lesson.id}:${block.start}`).toBeDefined();
    }
  });

  it("print exactly the output they show, as real lessons must", async () => {
    const sample = lessons.slice(0, 3).map((lesson) => ({
      file: `${lesson.id}.mdx`,
      text: lesson.text,
      blocks: extractBlocks(lesson.text, `${lesson.id}.mdx`),
    }));
    const results = await runBlocks(sample, { python: choosePython().command });
    expect(results).toHaveLength(9);
    for (const result of results) expect(result.status, `${result.block.name}: ${result.message}`).toBe("passed");
  });
});
