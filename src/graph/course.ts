/**
 * The course: lessons in reading order with every cross-link a page shows.
 * Validation runs first, so no page is built from a broken graph.
 */
import { isSitePrerequisite, type ExternalPrerequisite } from "./fields";
import { buildLessonGraph, type GraphLesson, type LessonGraph } from "./graph";
import { keywordIndex, type KeywordEntry } from "./keywords";
import { readingOrder } from "./order";
import { LessonProblemsError } from "./problems";
import { relatedLessons, type Related } from "./related";
import { validateLessons } from "./validate";

export interface LessonLinks<T> {
  /** Prerequisites in frontmatter order: on-site ones resolved to their lesson. */
  prerequisites: (T | ExternalPrerequisite)[];
  builtOnBy: T[];
  previous: T | undefined;
  next: T | undefined;
  related: Related<T>[];
}

export interface Course<T extends GraphLesson> {
  /** Every lesson in reading order. */
  lessons: T[];
  graph: LessonGraph<T>;
  keywords: KeywordEntry<T>[];
  linksOf(id: string): LessonLinks<T>;
}

/** Throws a LessonProblemsError listing every problem when the lessons do not form a course. */
export function buildCourse<T extends GraphLesson>(lessons: readonly T[]): Course<T> {
  const problems = validateLessons(lessons);
  if (problems.length > 0) throw new LessonProblemsError(problems);

  const nodes = lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    difficulty: lesson.difficulty,
    requires: lesson.prerequisites.filter(isSitePrerequisite),
    lesson,
  }));
  // Validation has ruled out cycles, so nothing is stuck.
  const ordered = readingOrder(nodes).order.map((node) => node.lesson);
  const graph = buildLessonGraph(ordered);

  const linksOf = (id: string): LessonLinks<T> => {
    const position = ordered.findIndex((lesson) => lesson.id === id);
    if (position === -1) throw new Error(`No lesson has the id "${id}".`);
    const lesson = ordered[position]!;
    const next = ordered[position + 1];
    const prerequisites = graph.prerequisitesOf(id);
    const linked = new Set([...graph.requires(id).map((required) => required.id), ...(next ? [next.id] : [])]);
    return {
      prerequisites,
      builtOnBy: graph.builtOnBy(id),
      previous: ordered[position - 1],
      next,
      related: relatedLessons(lesson, ordered, linked),
    };
  };

  return { lessons: ordered, graph, keywords: keywordIndex(ordered), linksOf };
}
