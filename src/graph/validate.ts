/**
 * Everything about the lessons' links that would mislead a reader, found
 * before any page is built. Each problem names the file, the field and what
 * to do; the build reports them all at once (see problems.ts).
 */
import { closest, distance } from "fastest-levenshtein";
import { slug } from "github-slugger";
import { isExternalPrerequisite, isSitePrerequisite } from "../lessons/prerequisites";
import { DIFFICULTIES } from "../lessons/schema";
import { findCycles } from "./cycles";
import type { GraphLesson } from "./graph";
import { keywordSlugProblems } from "./keywords";
import type { Problem } from "./problems";

const FIELD = "prerequisites";

export function validateLessons(lessons: readonly GraphLesson[]): Problem[] {
  const byId = new Map<string, GraphLesson>();
  const problems: Problem[] = [];

  for (const lesson of lessons) {
    const first = byId.get(lesson.id);
    if (first) {
      problems.push({
        file: lesson.file,
        field: "file name",
        message: `lesson id "${lesson.id}" is also the id of ${first.file}; rename one of the files.`,
      });
    } else {
      byId.set(lesson.id, lesson);
    }
  }
  const ids = [...byId.keys()];

  for (const lesson of lessons) {
    const seen = new Set<string>();
    for (const id of lesson.prerequisites.filter(isSitePrerequisite)) {
      const problem = (message: string) => problems.push({ file: lesson.file, field: FIELD, message });
      const required = byId.get(id);
      if (seen.has(id)) problem(`"${id}" is listed twice; keep one.`);
      else if (id === lesson.id) problem(`the lesson requires itself ("${id}"); remove "${id}".`);
      else if (!required) problem(unknownLesson(id, ids));
      else if (rank(required.difficulty) > rank(lesson.difficulty)) {
        problem(
          `"${id}" is ${required.difficulty}, harder than this ${lesson.difficulty} lesson that requires it; ` +
            `raise this lesson's difficulty or lower that of "${id}".`,
        );
      }
      seen.add(id);
    }
    const urls = new Set<string>();
    for (const { url } of lesson.prerequisites.filter(isExternalPrerequisite)) {
      if (urls.has(url)) {
        problems.push({
          file: lesson.file,
          field: FIELD,
          message: `the external page ${url} is listed twice; keep one.`,
        });
      }
      urls.add(url);
    }
  }

  const requires = new Map(
    [...byId.values()].map((lesson) => [lesson.id, lesson.prerequisites.filter(isSitePrerequisite)]),
  );
  for (const chain of findCycles(requires)) {
    const start = byId.get(chain[0]!)!;
    problems.push({
      file: start.file,
      field: FIELD,
      message:
        `circular prerequisites ${chain.join(" -> ")} (each lesson requires the next), so no lesson ` +
        `on it can come first; remove one of these prerequisites.`,
    });
  }

  return [...problems, ...keywordSlugProblems(lessons)];
}

const rank = (difficulty: GraphLesson["difficulty"]) => DIFFICULTIES.indexOf(difficulty);

function unknownLesson(id: string, ids: readonly string[]): string {
  const base = `"${id}" is not the id of any lesson.`;
  const guess = ids.length > 0 ? closest(id, ids) : undefined;
  if (guess !== undefined && distance(id, guess) <= Math.max(2, Math.floor(id.length / 3))) {
    return `${base} Did you mean "${guess}"?`;
  }
  return (
    `${base} A prerequisite is a lesson file name without .mdx, or { title, url } for a topic ` + `taught elsewhere.`
  );
}

/** The lesson id the content loader gives a file name: its name without extension, slugged. */
export function lessonIdOf(fileName: string): string {
  return slug(fileName.replace(/\.[^.]*$/, ""));
}

const LESSON_FILE = /\.(mdx|md|markdown)$/i;

/**
 * Checks the file names in the lessons folder, which the content loader does
 * not: "Foo.mdx" and "foo.mdx" would both become lesson "foo" (one silently
 * replacing the other), and "foo.md" would be silently skipped.
 */
export function validateLessonFiles(dir: string, fileNames: readonly string[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const name of fileNames.filter((name) => LESSON_FILE.test(name)).sort()) {
    const id = lessonIdOf(name);
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }

  const problems: Problem[] = [];
  for (const [id, names] of byId) {
    const wanted = `${id}.mdx`;
    if (names.length > 1) {
      const [first, ...others] = names.map((name) => `${dir}/${name}`);
      problems.push({
        file: first!,
        field: "file name",
        message:
          `duplicate lesson id "${id}": ${others.join(" and ")} ${others.length === 1 ? "maps" : "map"} to it too; ` +
          `keep one file, named ${wanted}.`,
      });
    } else if (names[0] !== wanted) {
      const name = names[0]!;
      problems.push({
        file: `${dir}/${name}`,
        field: "file name",
        message: name.endsWith(".mdx")
          ? `the file name is the lesson id, written in lowercase with hyphens; rename it to ${wanted}.`
          : `lessons are .mdx files and this one is not loaded; rename it to ${wanted}.`,
      });
    }
  }
  return problems;
}
