/**
 * The course as the pages see it: every lesson with its cross-links, checked
 * first. Every page gets its lessons from here, so a broken prerequisite,
 * cycle or keyword clash fails the build with one message listing them all.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { buildCourse, type Course } from "../graph/course";
import { graphLesson, type GraphLesson } from "../graph/graph";

export type Lesson = CollectionEntry<"lessons">;

/** A lesson in the course graph, carrying its collection entry for rendering. */
export interface CourseLesson extends GraphLesson {
  entry: Lesson;
}

export async function getCourse(): Promise<Course<CourseLesson>> {
  const lessons = await getCollection("lessons");
  return buildCourse(
    lessons.map((entry) => ({
      ...graphLesson(entry.id, entry.filePath ?? `content/lessons/${entry.id}.mdx`, entry.data),
      entry,
    })),
  );
}

export async function lessonsInReadingOrder(): Promise<Lesson[]> {
  return (await getCourse()).lessons.map((lesson) => lesson.entry);
}
