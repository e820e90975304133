import { slug } from "github-slugger";
import { LESSON_ID } from "../lessons/ids";

/** File names that say nothing about the lesson. */
const GENERIC_NAMES = new Set(["index", "readme", "lesson", "untitled", "draft", "notes"]);

/**
 * The lesson id (and output file name). A source file that already has a
 * meaningful kebab-case name keeps it, so re-importing a source always lands
 * on the same lesson; otherwise the id is the slug of the title.
 *
 * "Meaningful" means: already a valid lesson id, at least two words, not a
 * generic name, and no purely numeric word ("lesson-23" is someone else's
 * numbering, not a name).
 */
export function lessonIdFor(fileName: string, title: string): { id: string; from: "file name" | "title" } {
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const words = stem.split("-");
  const meaningful =
    LESSON_ID.test(stem) && words.length >= 2 && !GENERIC_NAMES.has(stem) && !words.some((word) => /^\d+$/.test(word));
  if (meaningful) return { id: stem, from: "file name" };
  return { id: slugify(title), from: "title" };
}

/** github-slugger keeps non-ASCII letters and repeated hyphens; lesson ids allow neither. */
export function slugify(text: string): string {
  return slug(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
