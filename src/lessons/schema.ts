/**
 * The lesson frontmatter schema. Pure zod, no Astro runtime imports, so the
 * importer and the unit tests validate drafts with exactly the rules the build
 * uses (`src/content.config.ts` wraps this in a collection).
 */
import pluralize from "pluralize";
import { z } from "astro/zod";
import { DIFFICULTIES } from "../graph/fields";
import { LESSON_ID } from "./ids";
import { synonymOf, VOCABULARY_FILE } from "./vocabulary";

export { DIFFICULTIES, type Difficulty } from "../graph/fields";
export { LESSON_ID } from "./ids";

/**
 * "Lesson 23:", "Lesson 5.2 -", "Chapter 4.", "Chapter 7 -- ", "Part II: ", "7. " and the like belong to
 * someone else's course. Roman numerals and a bare number need a separator ("Part II:", "7."), so "Unit
 * Testing" and "3.5 Ways" are titles.
 */
export const FOREIGN_NUMBERING =
  /^\s*(?:(?:lesson|chapter|module|part|unit|section|step)\s*(?:\d+(?:\.\d+)*\s*(?:--|[:.\-–—)])?|[ivxlc]+\s*(?:--|[:.\-–—)]))|\d+(?:\.\d+)*\s*(?:--|[.):–—])(?=\s))\s*/i;

/** A prerequisite on this site, by lesson id. */
export const sitePrerequisite = z
  .string()
  .regex(LESSON_ID, "a prerequisite id is a lesson file name without .mdx, e.g. async-await-intro");

/** A prerequisite that this site does not teach, pointing at a page that does. */
export const externalPrerequisite = z.strictObject({
  title: z.string().trim().min(1, "an external prerequisite needs a title"),
  url: z.url({ protocol: /^https?$/, error: "an external prerequisite needs an http(s) url" }),
});

export const prerequisite = z.union([sitePrerequisite, externalPrerequisite]);
export type Prerequisite = z.infer<typeof prerequisite>;
export type ExternalPrerequisite = z.infer<typeof externalPrerequisite>;

/** Keywords: lowercase, deduplicated, one spelling per concept (singular). */
const keyword = z
  .string()
  .trim()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9 .+#/-]*$/, "keywords are lowercase words, e.g. event loop");

export const keywords = z
  .array(keyword)
  .min(1, "list at least one keyword")
  .superRefine((list, ctx) => {
    const seen = new Map<string, string>();
    for (const word of list) {
      const concept = singularPhrase(word);
      const earlier = seen.get(concept);
      const preferred = synonymOf(word) ?? synonymOf(concept);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          message:
            earlier === word
              ? `keyword "${word}" is listed twice`
              : `keywords "${earlier}" and "${word}" spell one concept; keep "${concept}"`,
        });
      } else if (preferred !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `keyword "${word}" is a synonym in the vocabulary (${VOCABULARY_FILE}): use "${preferred}"`,
        });
      }
      seen.set(concept, word);
    }
  });

/** Singular form of every word of a keyword phrase ("event loops" -> "event loop"). */
export function singularPhrase(phrase: string): string {
  return phrase
    .split(" ")
    .map((word) => pluralize.singular(word))
    .join(" ");
}

/**
 * An editor's note: a change from the source beyond mechanical repairs (meaning,
 * code, a correction, a title), shown under "Editor's notes" on the page.
 */
export const editNote = z.strictObject({
  /** What changed, e.g. "Title changed from “Python Async Functions”." */
  change: z.string().trim().min(1, "say what changed"),
  /** Why, e.g. "The old title did not say what this lesson adds." */
  why: z.string().trim().min(1, "say why it changed"),
  /** The id of the heading of the section the change is in (its `#anchor`), when it is in one. */
  section: z
    .string()
    .regex(/^[a-z0-9_][a-z0-9_-]*$/, "section is a heading id as in the page address, e.g. error-handling")
    .optional(),
});
export type EditNote = z.infer<typeof editNote>;

export const lessonSchema = z.strictObject({
  /** Shown as the page heading and in lists. No foreign course numbering. */
  title: z
    .string()
    .trim()
    .min(1)
    .refine((title) => !FOREIGN_NUMBERING.test(title), {
      message: 'drop foreign course numbering such as "Lesson 23:" from the title',
    }),
  /** One sentence, shown under the title, in lists and as the meta description. */
  description: z
    .string()
    .trim()
    .min(20, "write one full sentence")
    .max(200, "keep the description to one sentence under 200 characters")
    .refine((text) => /[.!?]$/.test(text), { message: "end the description with a full stop" })
    .refine((text) => !/[.!?]\s+[A-Z]/.test(text), { message: "the description is one sentence" }),
  difficulty: z.enum(DIFFICULTIES),
  /** Lesson ids on this site, or { title, url } for topics taught elsewhere. */
  prerequisites: z.array(prerequisite).default([]),
  keywords,
  /** Reading time in minutes: stated by the source or estimated from its text. */
  duration: z.int().positive().max(600),
  /** Learning objectives, where the source states them. */
  objectives: z.array(z.string().trim().min(1)).optional(),
  /** The raw file this lesson was normalized from, relative to the project root. */
  source: z.string().regex(/^content\/sources\/[^/]+\.md$/, "source is a path like content/sources/<file>.md"),
  /** Who wrote the lesson, as the source names them; shown on the page. */
  authors: z.array(z.string().trim().min(1)).min(1).optional(),
  /**
   * Frontmatter of the raw source that is no lesson field (e.g. `date`, `id`),
   * kept by the importer so nothing the author stated is lost. Not shown.
   */
  extra: z.record(z.string(), z.unknown()).optional(),
  /** Programming language of the lesson's examples. */
  language: z.string().default("python"),
  /** Editors' changes from the source beyond mechanical repairs; the importer writes `edits: []`, absent means none. */
  edits: z.array(editNote).optional(),
  /**
   * Imported and not yet reviewed by a person. Left out of `npm run build`
   * (every page, list, search and the sitemap); shown with a "Draft" note by
   * `npm run dev` and by `INCLUDE_DRAFTS=1 npm run build`.
   */
  draft: z.boolean().default(false),
});

export type LessonData = z.infer<typeof lessonSchema>;
