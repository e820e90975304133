/**
 * Everything about the lessons' links that would mislead a reader, found
 * before any page is built. Each problem names the file, the field and what
 * to do; the build reports them all at once (see problems.ts).
 */
import { closest, distance } from "fastest-levenshtein";
import { findCycles } from "./cycles";
import { difficultyRank as rank, isExternalPrerequisite, isSitePrerequisite } from "./fields";
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
