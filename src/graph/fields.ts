/**
 * The lesson fields the graph reads, as plain values and types. The graph is
 * pure: it imports nothing from the Astro side, and the frontmatter schema
 * (src/lessons/schema.ts) builds on these instead.
 */

/** From easiest to hardest: the reading order and the difficulty check rank lessons by this. */
export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** A topic taught on another site. */
export interface ExternalPrerequisite {
  title: string;
  url: string;
}

/** A lesson id on this site, or a topic taught elsewhere. */
export type Prerequisite = string | ExternalPrerequisite;

export const isSitePrerequisite = (prerequisite: Prerequisite): prerequisite is string =>
  typeof prerequisite === "string";

export const isExternalPrerequisite = (prerequisite: Prerequisite): prerequisite is ExternalPrerequisite =>
  typeof prerequisite !== "string";

/** A difficulty's place from easiest (0) to hardest. */
export const difficultyRank = (difficulty: Difficulty): number => DIFFICULTIES.indexOf(difficulty);
