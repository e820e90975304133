/**
 * What a lesson page says about its text: where it came from and what an
 * editor changed (the `edits` frontmatter). Pure: the page passes the
 * headings Astro rendered, so a note that points at a section which does not
 * exist fails the build instead of linking nowhere.
 */
import type { EditNote } from "./schema";

/** A heading of the rendered lesson, as Astro's `render()` returns it. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** An editor's note with the heading it points at, if any. */
export interface ShownEditNote {
  change: string;
  why: string;
  section?: { slug: string; text: string };
}

/** The one line that stands for every mechanical repair, which are not listed one by one. */
export const MECHANICAL_REPAIRS =
  "Mechanical repairs are not listed: character encoding (mojibake), heading levels, another course's lesson " +
  "numbers and links, Markdown list and link formatting, escaping for MDX, and missing imports (marked next to the code).";

/** Thrown for notes whose `section` names no heading of the lesson. */
export class EditSectionError extends Error {
  override name = "EditSectionError";
}

export function shownEditNotes(
  file: string,
  edits: readonly EditNote[],
  headings: readonly RenderedHeading[],
): ShownEditNote[] {
  const bySlug = new Map(headings.map((heading) => [heading.slug, heading]));
  return edits.map(({ change, why, section }, index) => {
    if (section === undefined) return { change, why };
    const heading = bySlug.get(section);
    if (heading === undefined) {
      const known = headings.map((h) => h.slug).join(", ") || "none";
      throw new EditSectionError(
        `${file}, edits[${index}].section: "${section}" is not the id of a heading in this lesson; ` +
          `use one of: ${known}, or leave section out.`,
      );
    }
    return { change, why, section: { slug: heading.slug, text: heading.text } };
  });
}
