/** Small lesson records for the graph tests. */
import type { GraphLesson } from "../../../src/graph/graph";

export function lesson(id: string, overrides: Partial<GraphLesson> = {}): GraphLesson {
  return {
    id,
    file: `content/lessons/${id}.mdx`,
    title: id.toUpperCase(),
    difficulty: "beginner",
    prerequisites: [],
    keywords: ["asyncio"],
    ...overrides,
  };
}

export const ids = (lessons: readonly { id: string }[]) => lessons.map((item) => item.id);
