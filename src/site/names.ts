/** Site-wide names and wording shared by several pages. Pure: no Astro imports. */

export const SITE_NAME = "Async Python Lessons";

/** "1 lesson", "3 lessons". */
export function lessonCount(count: number): string {
  return count === 1 ? "1 lesson" : `${count} lessons`;
}

/** The word alone, for when the number is shown apart from it: " lesson" after "1". */
export function lessonNoun(count: number): string {
  return count === 1 ? "lesson" : "lessons";
}
