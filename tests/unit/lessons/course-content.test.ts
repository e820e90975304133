/**
 * The course as edited (content/lessons/): each lesson against its raw
 * source and the documented rules, independently of Astro.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { courseOrder } from "../../support/course-path";
import { readLessons } from "../../support/lessons";
import { DIFFICULTIES } from "../../../src/lessons/schema";
import { normalizeLesson } from "../../../src/normalize/index";

const lessons = readLessons();

/** The importer over the lesson's raw source: what the documented rules give. */
const imported = (source: string) => normalizeLesson(readFileSync(source), { file: source, source });

describe.each(lessons.map((lesson) => [lesson.id, lesson] as const))("%s", (_id, lesson) => {
  const fromSource = imported(lesson.data.source);

  it("has the duration its source states, else the reading-time rule's (200 words a minute, a minute per code block)", () => {
    const how = fromSource.notes.find((note) => note.message.startsWith("duration:"))?.message;
    expect(how, "the importer reports how it got the duration").toMatch(
      /^duration: \d+ \((stated in the title|200 words a minute plus a minute per code block)\)$|^duration: \d+$/,
    );
    expect(lesson.data.duration, `the importer says ${how}`).toBe(fromSource.frontmatter.duration);
  });

  it("keeps the author's code: every source line is in the lesson, and every added line is in a caption", () => {
    const code = (text: string) =>
      [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)]
        .filter((match) => !match[1]!.startsWith("output"))
        // Expected output that a source writes as comments at the end of a block is in the lesson's output panel.
        .map((match) => match[2]!.split(/^# --- Expected Output/m)[0]!)
        .join("\n")
        .split("\n")
        .map((line) => line.trimEnd())
        .filter((line) => line !== "");
    const lessonCode = code(lesson.body);
    const sourceCode = code(readFileSync(lesson.data.source, "utf8"));
    expect(sourceCode.filter((line) => !lessonCode.includes(line))).toEqual([]);

    // A line the source does not have is named, as `code`, in a "Changed from the source" caption.
    const captions = [...lesson.body.matchAll(/^\*\*Changed from the source:\*\* (.*)$/gm)].map((match) => match[1]!);
    const added = lessonCode.filter((line) => !sourceCode.includes(line));
    for (const line of added) {
      expect(
        captions.some((caption) => caption.includes(`\`${line.trim()}\``)),
        `the line ${JSON.stringify(line)} is not in the source; revert it or name it in a caption`,
      ).toBe(true);
    }
  });

  it("explains every edit it lists with what changed and why", () => {
    for (const note of lesson.data.edits ?? []) {
      expect(note.change).toMatch(/[.!?]$/);
      expect(note.why).toMatch(/[.!?)]$/);
    }
  });
});

describe("the reading order", () => {
  const order = courseOrder(lessons);

  it("starts with the first steps, then the machinery, then practice, then the advanced features", () => {
    expect(order.map((lesson) => lesson.id)).toEqual([
      "async-await-intro",
      "coroutines-tasks-event-loop",
      "python-async-functions",
      "async-await-advanced",
    ]);
  });

  it("never gets easier along the way", () => {
    const levels = order.map((lesson) => DIFFICULTIES.indexOf(lesson.data.difficulty));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("gives every lesson a title of its own", () => {
    const words = (title: string) =>
      new Set(
        title
          .toLowerCase()
          .split(/[^a-z]+/)
          .filter((word) => word.length > 3),
      );
    for (const [index, lesson] of order.entries()) {
      for (const other of order.slice(index + 1)) {
        const mine = words(lesson.data.title);
        const theirs = words(other.data.title);
        const shared = [...mine].filter((word) => theirs.has(word));
        expect(
          shared.length,
          `"${lesson.data.title}" and "${other.data.title}" share most of their words`,
        ).toBeLessThan(Math.min(mine.size, theirs.size));
      }
    }
  });
});
