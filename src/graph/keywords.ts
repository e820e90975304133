/**
 * Keyword pages: every keyword, its URL slug and its lessons.
 *
 * Keywords may contain "/" and "." ("i/o-bound", "asyncio.gather"). github-slugger
 * would drop them ("iobound"), which reads badly and lets "i/o" and "io"
 * collide, so they become hyphens first. Two keywords that still share a
 * slug (e.g. "c++" and "c#") are a build error: one page cannot serve both.
 */
import { slug } from "github-slugger";
import type { Problem } from "./problems";

export function keywordSlug(keyword: string): string {
  return slug(keyword.replace(/[./]+/g, "-")).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
}

export interface KeywordEntry<T> {
  keyword: string;
  slug: string;
  /** In the order the lessons were given (the reading order, for the pages). */
  lessons: T[];
}

interface KeywordLesson {
  file: string;
  keywords: readonly string[];
}

/** Every keyword with its lessons, sorted by keyword. */
export function keywordIndex<T extends KeywordLesson>(lessons: readonly T[]): KeywordEntry<T>[] {
  const index = new Map<string, KeywordEntry<T>>();
  for (const lesson of lessons) {
    for (const keyword of new Set(lesson.keywords)) {
      const entry = index.get(keyword) ?? { keyword, slug: keywordSlug(keyword), lessons: [] };
      entry.lessons.push(lesson);
      index.set(keyword, entry);
    }
  }
  return [...index.values()].sort((a, b) => a.keyword.localeCompare(b.keyword, "en"));
}

/**
 * A keyword that every lesson of the course has: its page lists the whole
 * course, so it filters nothing, and the index says "on every lesson"
 * instead of a count that reads like a filter.
 */
export function isOnEveryLesson(lessonsWithKeyword: number, lessonsInCourse: number): boolean {
  return lessonsInCourse > 0 && lessonsWithKeyword === lessonsInCourse;
}

/** Keywords whose slugs collide, reported on every file that uses one of them. */
export function keywordSlugProblems(lessons: readonly KeywordLesson[]): Problem[] {
  const bySlug = new Map<string, KeywordEntry<KeywordLesson>[]>();
  for (const entry of keywordIndex(lessons)) bySlug.set(entry.slug, [...(bySlug.get(entry.slug) ?? []), entry]);

  const problems: Problem[] = [];
  for (const [slug, entries] of bySlug) {
    if (entries.length < 2) continue;
    const names = entries.map((entry) => `"${entry.keyword}"`).join(" and ");
    const files = new Set(entries.flatMap((entry) => entry.lessons.map((lesson) => lesson.file)));
    for (const file of files) {
      problems.push({
        file,
        field: "keywords",
        message: `keywords ${names} would share the page /keywords/${slug}/; spell them the same way or reword one.`,
      });
    }
  }
  return problems;
}
