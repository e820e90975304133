/**
 * Reads the lesson files straight from disk, independently of Astro, so the
 * browser tests compare the built site against the source of truth.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { lessonSchema, type LessonData } from "../../src/lessons/schema";

export const LESSONS_DIR = join(import.meta.dirname, "../../content/lessons");

export interface LessonFile {
  id: string;
  file: string;
  data: LessonData;
  body: string;
}

export function readLessons(dir = LESSONS_DIR): LessonFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => {
      const file = join(dir, name);
      const text = readFileSync(file, "utf8");
      const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return {
        id: name.replace(/\.mdx$/, ""),
        file,
        data: lessonSchema.parse(parse(match[1]!)),
        body: text.slice(match[0].length),
      };
    });
}
