/** Plain collection entries for the course model tests, shaped like Astro's `CollectionEntry<"lessons">`. */
import type { LessonEntry } from "../../../src/lessons/course";
import type { LessonData } from "../../../src/lessons/schema";

export function entry(id: string, data: Partial<LessonData> = {}): LessonEntry {
  return {
    id,
    filePath: `content/lessons/${id}.mdx`,
    data: {
      title: id.toUpperCase(),
      description: `The lesson called ${id}.`,
      difficulty: "beginner",
      prerequisites: [],
      keywords: ["asyncio"],
      duration: 10,
      source: `content/sources/${id}.md`,
      language: "python",
      draft: false,
      ...data,
    },
  };
}

export const lessonHref = (id: string) => `/base/lessons/${id}/`;
