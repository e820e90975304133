/**
 * The `cacheKey` of each lesson and keyword page, for Astro's incremental
 * build (`experimental.incrementalBuild` in astro.config.mjs). Astro skips
 * rendering a page, and copies its HTML from the last build, when its key and
 * the hash of its code's module graph are both unchanged; the lessons' data
 * is not part of that module graph, so the key must change whenever anything
 * the page shows does. A key that forgets something leaves a stale page on the
 * site: tests/integration/incremental-build.test.ts edits a title and a
 * prerequisite and checks every page that shows them.
 *
 * What a lesson page shows: its own entry (the file's digest covers the body
 * and frontmatter, `data` the parsed fields the provenance box reads) and
 * its place in the course graph: every field of each lesson it links to
 * (prerequisites, lessons built on it, related lessons, previous and next).
 * A keyword page shows its keyword, every field of its lessons, and the
 * number of lessons in the course. A linked lesson is summed up by all of its
 * own fields (title, difficulty, step, keywords, digest...), not by its links,
 * which no page shows; a component that starts showing more of the graph must
 * add it here.
 */
import { createHash } from "node:crypto";
import { isLesson } from "../graph/graph";
import type { CourseLesson, KeywordTotal, LessonEntry } from "./course";

/** Bump when what the pages show changes in a way the fields below do not capture. */
const KEY_VERSION = "1";

/** A lesson's own fields, without its links to other lessons and without its collection entry. */
export function lessonFields<E extends LessonEntry>(lesson: CourseLesson<E>): Record<string, unknown> {
  const { entry, prerequisites, builtOnBy, related, previous, next, ...fields } = lesson;
  return fields;
}

/** The part of a lesson page's key that comes from the course graph: the lessons it links to. */
export function lessonGraphFields<E extends LessonEntry>(lesson: CourseLesson<E>): Record<string, unknown> {
  return {
    prerequisites: lesson.prerequisites.map((item) => (isLesson(item) ? lessonFields(item) : item)),
    builtOnBy: lesson.builtOnBy.map(lessonFields),
    related: lesson.related.map(({ lesson: other, shared }) => ({ lesson: lessonFields(other), shared })),
    previous: lesson.previous && lessonFields(lesson.previous),
    next: lesson.next && lessonFields(lesson.next),
  };
}

/** The key of a lesson's page: its entry, its own fields and the lessons it links to. */
export function lessonPageKey<E extends LessonEntry>(lesson: CourseLesson<E>): string {
  const { entry } = lesson;
  return digest({
    entry: { id: entry.id, filePath: entry.filePath, digest: entry.digest, data: entry.data },
    lesson: lessonFields(lesson),
    graph: lessonGraphFields(lesson),
  });
}

/** The key of a keyword's page: the keyword, its lessons and the number of lessons in the course. */
export function keywordPageKey<E extends LessonEntry>(
  keyword: KeywordTotal<CourseLesson<E>>,
  courseLessons: number,
): string {
  return digest({
    keyword: keyword.keyword,
    slug: keyword.slug,
    count: keyword.count,
    lessons: keyword.lessons.map(lessonFields),
    courseLessons,
  });
}

function digest(value: unknown): string {
  return createHash("sha256").update(KEY_VERSION).update(JSON.stringify(value)).digest("hex");
}
