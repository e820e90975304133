/**
 * The lesson graph: which lessons a lesson requires (on this site or
 * elsewhere) and, the other way round, which lessons build on it.
 */
import {
  isExternalPrerequisite,
  isSitePrerequisite,
  type Difficulty,
  type ExternalPrerequisite,
  type Prerequisite,
} from "./fields";

/** What the graph needs to know about a lesson. */
export interface GraphLesson {
  id: string;
  /** The lesson file relative to the project root, for error messages. */
  file: string;
  title: string;
  difficulty: Difficulty;
  prerequisites: readonly Prerequisite[];
  keywords: readonly string[];
}

/** A topic taught elsewhere, once per URL, with the lessons that need it. */
export interface ExternalTopic<T> extends ExternalPrerequisite {
  requiredBy: T[];
}

export interface LessonGraph<T extends GraphLesson> {
  lessons: readonly T[];
  byId: ReadonlyMap<string, T>;
  /** Prerequisites of a lesson in frontmatter order: on-site ones resolved to their lesson. */
  prerequisitesOf(id: string): (T | ExternalPrerequisite)[];
  /** On-site prerequisites of a lesson, in frontmatter order. */
  requires(id: string): T[];
  /** Lessons that list this one as a prerequisite, in the order the graph was given its lessons. */
  builtOnBy(id: string): T[];
  /** Every external prerequisite of the course, in order of first mention. */
  externals: readonly ExternalTopic<T>[];
}

/** The graph's view of a lesson file: its id, its path for messages, and the frontmatter fields the graph reads. */
export function graphLesson(id: string, file: string, data: Omit<GraphLesson, "id" | "file">): GraphLesson {
  const { title, difficulty, prerequisites, keywords } = data;
  return { id, file, title, difficulty, prerequisites, keywords };
}

/** Whether a resolved prerequisite is a lesson on this site (a topic elsewhere has no id). */
export const isLesson = <T extends { id: string }>(item: T | ExternalPrerequisite): item is T => "id" in item;

/**
 * Builds the graph. Unknown prerequisite ids are left out here; validation
 * (validate.ts) reports them before a page is ever built.
 */
export function buildLessonGraph<T extends GraphLesson>(lessons: readonly T[]): LessonGraph<T> {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const builtOnBy = new Map<string, T[]>();
  const externals = new Map<string, ExternalTopic<T>>();
  for (const lesson of lessons) {
    for (const id of new Set(lesson.prerequisites.filter(isSitePrerequisite))) {
      if (byId.has(id) && id !== lesson.id) builtOnBy.set(id, [...(builtOnBy.get(id) ?? []), lesson]);
    }
    for (const { title, url } of lesson.prerequisites.filter(isExternalPrerequisite)) {
      const topic = externals.get(url) ?? { title, url, requiredBy: [] };
      if (!topic.requiredBy.includes(lesson)) topic.requiredBy.push(lesson);
      externals.set(url, topic);
    }
  }

  const prerequisitesOf = (id: string) =>
    (byId.get(id)?.prerequisites ?? []).flatMap<T | ExternalPrerequisite>((prerequisite) => {
      if (isExternalPrerequisite(prerequisite)) return [prerequisite];
      const lesson = byId.get(prerequisite);
      return lesson ? [lesson] : [];
    });

  return {
    lessons,
    byId,
    prerequisitesOf,
    requires: (id) => prerequisitesOf(id).filter(isLesson),
    builtOnBy: (id) => builtOnBy.get(id) ?? [],
    externals: [...externals.values()],
  };
}
