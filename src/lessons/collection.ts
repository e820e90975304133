/** Lesson queries shared by the pages: every lesson, in reading order. */
import { getCollection, type CollectionEntry } from "astro:content";
import { readingOrder } from "../graph/order";
import { isSitePrerequisite } from "./prerequisites";

export type Lesson = CollectionEntry<"lessons">;

export async function lessonsInReadingOrder(): Promise<Lesson[]> {
  const lessons = await getCollection("lessons");
  const nodes = lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.data.title,
    difficulty: lesson.data.difficulty,
    requires: lesson.data.prerequisites.filter(isSitePrerequisite),
    lesson,
  }));
  const { order, stuck } = readingOrder(nodes);
  if (stuck.length > 0) {
    throw new Error(
      `Lessons ${stuck.map((node) => node.id).join(", ")} have circular prerequisites; check their "prerequisites" frontmatter.`,
    );
  }
  return order.map((node) => node.lesson);
}
