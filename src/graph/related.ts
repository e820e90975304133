/**
 * "Related lessons": the lessons that share the most keywords with this one,
 * leaving out the ones the page already links as prerequisite or next.
 */

interface RelatedLesson {
  id: string;
  keywords: readonly string[];
}

export interface Related<T> {
  lesson: T;
  /** The shared keywords, in the order this lesson lists them. */
  shared: string[];
}

/**
 * `course` is every lesson in reading order. Ties in the number of shared
 * keywords go to the lesson nearer in reading order, then the earlier one,
 * so the list is stable from build to build.
 */
export function relatedLessons<T extends RelatedLesson>(
  lesson: T,
  course: readonly T[],
  linked: ReadonlySet<string>,
  limit = 3,
): Related<T>[] {
  const here = course.findIndex((other) => other.id === lesson.id);
  return course
    .map((other, position) => ({
      lesson: other,
      shared: lesson.keywords.filter((keyword) => other.keywords.includes(keyword)),
      distance: Math.abs(position - here),
      position,
    }))
    .filter((candidate) => candidate.lesson.id !== lesson.id && !linked.has(candidate.lesson.id))
    .filter((candidate) => candidate.shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length || a.distance - b.distance || a.position - b.position)
    .slice(0, limit)
    .map(({ lesson, shared }) => ({ lesson, shared }));
}
