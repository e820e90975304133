/**
 * The course model: everything the pages show, computed once from the
 * lessons. Pages and components only render it; the figures (step numbers,
 * keyword and difficulty totals, minutes) are made here and nowhere else.
 * Pure: no Astro imports, so the unit tests build it from plain records
 * (src/lessons/collection.ts feeds it the collection, once per build).
 */
import { buildCourse } from "../graph/course";
import { DIFFICULTIES, type Difficulty, type ExternalPrerequisite } from "../graph/fields";
import { graphLesson, isLesson } from "../graph/graph";
import { keywordSlug } from "../graph/keywords";
import { layoutPicture, type Picture } from "../graph/picture";
import type { Related } from "../graph/related";
import { LessonProblemsError, type Problem } from "../graph/problems";
import { lessonFile } from "./ids";
import type { LessonData } from "./schema";

/** What the model reads of a collection entry; Astro's `CollectionEntry<"lessons">` is one. */
export interface LessonEntry {
  id: string;
  /** The file relative to the project root; the lessons folder's `<id>.mdx` when missing. */
  filePath?: string | undefined;
  data: LessonData;
  /** A digest of the file's content (Astro's glob loader gives one). */
  digest?: string | number | undefined;
}

/** A keyword with the slug of its page. */
export interface Keyword {
  keyword: string;
  slug: string;
}

/** The one lesson shape every page and component receives. */
export interface CourseLesson<E extends LessonEntry = LessonEntry> {
  id: string;
  /** The lesson file relative to the project root. */
  file: string;
  title: string;
  description: string;
  difficulty: Difficulty;
  /** Reading time in minutes. */
  duration: number;
  /** Empty when the lesson states none. */
  objectives: readonly string[];
  /** Empty when the lesson names none. */
  authors: readonly string[];
  draft: boolean;
  /** Changes whenever the lesson file does: learner progress tells a lesson changed since it was completed. Empty when the entry has none. */
  digest: string;
  /** Position in the reading order, from 1. */
  step: number;
  /** In frontmatter order. */
  keywords: readonly Keyword[];
  /** In frontmatter order: lessons on this site, or topics taught elsewhere. */
  prerequisites: readonly (CourseLesson<E> | ExternalPrerequisite)[];
  /** Lessons that list this one as a prerequisite, in reading order. */
  builtOnBy: readonly CourseLesson<E>[];
  /** Lessons sharing keywords, leaving out prerequisites and the next lesson. */
  related: readonly Related<CourseLesson<E>>[];
  previous: CourseLesson<E> | undefined;
  next: CourseLesson<E> | undefined;
  /** The collection entry, only for Astro to render the lesson body. */
  entry: E;
}

export interface KeywordTotal<L> extends Keyword {
  /** In reading order. */
  lessons: readonly L[];
  count: number;
}

export interface DifficultyTotal {
  difficulty: Difficulty;
  count: number;
}

export interface CourseModel<E extends LessonEntry = LessonEntry> {
  /** Every lesson in reading order. */
  lessons: readonly CourseLesson<E>[];
  /** Every keyword, sorted, with its lessons. */
  keywords: readonly KeywordTotal<CourseLesson<E>>[];
  /** The difficulties some lesson has, easiest first, with how many lessons have each. */
  difficulties: readonly DifficultyTotal[];
  /** The durations of all lessons added up. */
  minutes: number;
  /** The prerequisite graph laid out for drawing. */
  picture: Picture;
}

export interface CourseOptions {
  /**
   * Keep `draft: true` lessons (`npm run dev`, `INCLUDE_DRAFTS=1 npm run build`).
   * Without it drafts are left out of the whole model, so of every page, list,
   * reading order, link, the search index and the sitemap.
   */
  includeDrafts?: boolean;
}

/**
 * The lessons without the drafts. Throws a LessonProblemsError when a
 * published lesson lists a draft as prerequisite: its page would point at a
 * page that is not built.
 */
export function publishedEntries<E extends LessonEntry>(entries: readonly E[]): E[] {
  const drafts = new Map(entries.filter((entry) => entry.data.draft).map((entry) => [entry.id, entry]));
  const fileOf = (entry: LessonEntry) => entry.filePath ?? lessonFile(entry.id);
  const problems: Problem[] = entries
    .filter((entry) => !entry.data.draft)
    .flatMap((entry) =>
      entry.data.prerequisites.flatMap((prerequisite) => {
        const draft = typeof prerequisite === "string" ? drafts.get(prerequisite) : undefined;
        return draft === undefined
          ? []
          : [
              {
                file: fileOf(entry),
                field: "prerequisites",
                message:
                  `"${prerequisite}" is a draft (${fileOf(draft)} has draft: true), which the site does not publish; ` +
                  `publish it first (remove draft: true once reviewed) or remove it from this lesson's prerequisites.`,
              },
            ];
      }),
    );
  if (problems.length > 0) throw new LessonProblemsError(problems);
  return entries.filter((entry) => !entry.data.draft);
}

/**
 * Builds the model. Throws a LessonProblemsError listing every problem when
 * the lessons do not form a course (src/graph/validate.ts). `lessonHref`
 * gives a lesson's address for the picture (the graph knows no URLs).
 */
export function buildCourseModel<E extends LessonEntry>(
  allEntries: readonly E[],
  lessonHref: (id: string) => string,
  { includeDrafts = false }: CourseOptions = {},
): CourseModel<E> {
  const entries = includeDrafts ? allEntries : publishedEntries(allEntries);
  const course = buildCourse(
    entries.map((entry) => ({ ...graphLesson(entry.id, entry.filePath ?? lessonFile(entry.id), entry.data), entry })),
  );

  const lessons = course.lessons.map((node, index): CourseLesson<E> => {
    const { data } = node.entry;
    return {
      id: node.id,
      file: node.file,
      title: data.title,
      description: data.description,
      difficulty: data.difficulty,
      duration: data.duration,
      objectives: data.objectives ?? [],
      authors: data.authors ?? [],
      draft: data.draft,
      digest: String(node.entry.digest ?? ""),
      step: index + 1,
      keywords: data.keywords.map((keyword) => ({ keyword, slug: keywordSlug(keyword) })),
      prerequisites: [],
      builtOnBy: [],
      related: [],
      previous: undefined,
      next: undefined,
      entry: node.entry,
    };
  });
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const modelOf = (node: { id: string }) => byId.get(node.id)!;

  for (const lesson of lessons) {
    const links = course.linksOf(lesson.id);
    lesson.prerequisites = links.prerequisites.map((item) => (isLesson(item) ? modelOf(item) : item));
    lesson.builtOnBy = links.builtOnBy.map(modelOf);
    lesson.related = links.related.map(({ lesson: other, shared }) => ({ lesson: modelOf(other), shared }));
    lesson.previous = links.previous && modelOf(links.previous);
    lesson.next = links.next && modelOf(links.next);
  }

  return {
    lessons,
    keywords: course.keywords.map(({ keyword, slug, lessons: tagged }) => ({
      keyword,
      slug,
      lessons: tagged.map(modelOf),
      count: tagged.length,
    })),
    difficulties: DIFFICULTIES.map((difficulty) => ({
      difficulty,
      count: lessons.filter((lesson) => lesson.difficulty === difficulty).length,
    })).filter(({ count }) => count > 0),
    minutes: lessons.reduce((total, lesson) => total + lesson.duration, 0),
    picture: layoutPicture(course.graph, lessonHref),
  };
}

/** `make` runs on the first call only; every later call gets the same promise (its result, or its error). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
