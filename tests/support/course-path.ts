/**
 * The expected routes through the course, computed from the lesson files on
 * disk (tests/support/lessons.ts), for the browser tests to compare against.
 */
import { readingOrder } from "../../src/graph/order";
import { isSitePrerequisite } from "../../src/graph/fields";
import { DIFFICULTIES } from "../../src/lessons/schema";
import type { LessonFile } from "./lessons";

export const siteRequirements = (lesson: LessonFile) => lesson.data.prerequisites.filter(isSitePrerequisite);

export function courseOrder(lessons: readonly LessonFile[]): LessonFile[] {
  const { order, stuck } = readingOrder(
    lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.data.title,
      difficulty: lesson.data.difficulty,
      requires: siteRequirements(lesson),
      lesson,
    })),
  );
  if (stuck.length > 0) throw new Error(`The lesson files have circular prerequisites: ${stuck.map((n) => n.id)}`);
  return order.map((node) => node.lesson);
}

/** The longest chain of on-site prerequisites below a lesson. */
function depth(lesson: LessonFile, byId: ReadonlyMap<string, LessonFile>): number {
  return Math.max(0, ...siteRequirements(lesson).map((id) => 1 + depth(byId.get(id)!, byId)));
}

/** The hardest lesson with the longest prerequisite chain; the later in reading order wins a tie. */
export function mostAdvanced(lessons: readonly LessonFile[]): LessonFile {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const score = (lesson: LessonFile) => [DIFFICULTIES.indexOf(lesson.data.difficulty), depth(lesson, byId)] as const;
  return courseOrder(lessons).reduce((best, lesson) => {
    const [a, b] = [score(lesson), score(best)];
    return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]) ? lesson : best;
  });
}

/**
 * The lessons from `from` back to an entry lesson (one with no on-site
 * prerequisites) through "Before you start" links: the route to the entry
 * that comes first in reading order, taking the first listed prerequisite
 * that leads there at each step.
 */
export function pathBack(lessons: readonly LessonFile[], from: LessonFile): LessonFile[] {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const walk = (lesson: LessonFile, to: LessonFile): LessonFile[] | undefined => {
    if (lesson.id === to.id) return [lesson];
    for (const id of siteRequirements(lesson)) {
      const rest = walk(byId.get(id)!, to);
      if (rest) return [lesson, ...rest];
    }
    return undefined;
  };
  const entries = courseOrder(lessons).filter((lesson) => siteRequirements(lesson).length === 0);
  for (const entry of entries) {
    const path = walk(from, entry);
    if (path) return path;
  }
  throw new Error(`No entry lesson is reachable from "${from.id}".`);
}
