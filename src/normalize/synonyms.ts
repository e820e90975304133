/**
 * The frontmatter names sources use for each lesson field, and the words they
 * use for a difficulty. README.md ("Adding a lesson") shows this table; keep
 * the two in step. Keys are compared case-insensitively, with "-" and spaces
 * read as "_" ("Reading Time", "reading-time" and "reading_time" are one key).
 */
import type { Difficulty } from "../lessons/schema";

/** The lesson fields a source may state, each with the keys that mean it, preferred key first. */
export const FIELD_SYNONYMS = {
  title: ["title"],
  description: ["description", "summary", "excerpt"],
  difficulty: ["difficulty", "level"],
  duration: ["duration", "estimated_time", "time", "minutes", "reading_time"],
  keywords: ["keywords", "tags", "topics"],
  authors: ["authors", "author"],
  prerequisites: ["prerequisites", "requires"],
  objectives: ["objectives", "learning_objectives", "goals"],
  language: ["language", "lang"],
} as const satisfies Record<string, readonly string[]>;

export type StatedField = keyof typeof FIELD_SYNONYMS;

/** Other words sources use for a difficulty, lowercase; the difficulties themselves match too. */
export const DIFFICULTY_SYNONYMS: Readonly<Record<string, Difficulty>> = {
  easy: "beginner",
  basic: "beginner",
  beginners: "beginner",
  introductory: "beginner",
  intro: "beginner",
  novice: "beginner",
  medium: "intermediate",
  moderate: "intermediate",
  hard: "advanced",
  expert: "advanced",
};

/** Keys the importer sets itself; a source's value for them is ignored. */
export const IMPORTER_KEYS: ReadonlySet<string> = new Set(["source", "draft"]);

/** A key as the table spells it: lowercase, "-" and spaces as "_". */
export const canonicalKey = (key: string): string =>
  key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const FIELD_OF_KEY: ReadonlyMap<string, StatedField> = new Map(
  Object.entries(FIELD_SYNONYMS).flatMap(([field, keys]) => keys.map((key) => [key, field as StatedField])),
);

/** The lesson field a source key means, if any. */
export function fieldOfKey(key: string): StatedField | undefined {
  return FIELD_OF_KEY.get(canonicalKey(key));
}

/** How preferred a key is for its field: 0 for the field's own name. */
export function keyRank(key: string): number {
  const field = fieldOfKey(key);
  return field === undefined ? Infinity : (FIELD_SYNONYMS[field] as readonly string[]).indexOf(canonicalKey(key));
}
