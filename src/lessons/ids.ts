/**
 * Lesson ids and lesson file names, in one place: the content loader checks
 * the folder with them, the importer names its drafts by them, and the
 * collection gives the graph each lesson's file from them. Pure: no Astro
 * imports (the id rule is the one Astro's glob loader applies, restated and
 * tested here so the rest of the code can rely on it without Astro).
 */
import { slug } from "github-slugger";
import type { Problem } from "../graph/problems";

/** Lesson ids are the MDX file names: lowercase words joined by hyphens. */
export const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The lessons folder, relative to the project root. */
export const LESSONS_DIR = "content/lessons";

/** The extension of a lesson file; other Markdown files in the folder are reported, not loaded. */
export const LESSON_EXTENSION = ".mdx";

/** Files that look like lessons: loaded (.mdx) or mistaken for one (.md, .markdown). */
const MARKDOWN_FILE = /\.(mdx|md|markdown)$/i;

/** The file name a lesson id is stored under. */
export const lessonFileName = (id: string): string => `${id}${LESSON_EXTENSION}`;

/** A lesson's file relative to the project root, as error messages name it. */
export const lessonFile = (id: string, dir: string = LESSONS_DIR): string => `${dir}/${lessonFileName(id)}`;

/** Whether the content loader loads this file name (hidden files never). */
export const isLessonFile = (fileName: string): boolean =>
  fileName.endsWith(LESSON_EXTENSION) && !fileName.startsWith(".");

/** The lesson id the content loader (Astro's glob loader) gives a file name: its name without extension, slugged. */
export function lessonIdOf(fileName: string): string {
  return slug(fileName.replace(/\.[^.]*$/, ""));
}

/**
 * Checks the file names in the lessons folder, which the content loader does
 * not: "Foo.mdx" and "foo.mdx" would both become lesson "foo" (one silently
 * replacing the other), and "foo.md" would be silently skipped.
 */
export function validateLessonFiles(dir: string, fileNames: readonly string[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const name of fileNames.filter((name) => MARKDOWN_FILE.test(name)).sort()) {
    const id = lessonIdOf(name);
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }

  const problems: Problem[] = [];
  for (const [id, names] of byId) {
    const wanted = lessonFileName(id);
    if (names.length > 1) {
      const [first, ...others] = names.map((name) => `${dir}/${name}`);
      problems.push({
        file: first!,
        field: "file name",
        message:
          `duplicate lesson id "${id}": ${others.join(" and ")} ${others.length === 1 ? "maps" : "map"} to it too; ` +
          `keep one file, named ${wanted}.`,
      });
    } else if (names[0] !== wanted) {
      const name = names[0]!;
      problems.push({
        file: `${dir}/${name}`,
        field: "file name",
        message: name.endsWith(LESSON_EXTENSION)
          ? `the file name is the lesson id, written in lowercase with hyphens; rename it to ${wanted}.`
          : `lessons are .mdx files and this one is not loaded; rename it to ${wanted}.`,
      });
    }
  }
  return problems;
}

// The importer names a new lesson by these rules, so the id it picks always passes LESSON_ID.

/** File names that say nothing about the lesson. */
const GENERIC_NAMES = new Set(["index", "readme", "lesson", "untitled", "draft", "notes"]);

/**
 * The lesson id (and output file name). A source file that already has a
 * meaningful kebab-case name keeps it, so re-importing a source always lands
 * on the same lesson. A run-together one-word name ("producerconsumer.md") is
 * split where the title gives the words ("Producer/Consumer Queues" ->
 * producer-consumer). Otherwise the id is the slug of the title.
 *
 * "Meaningful" means: already a valid lesson id, at least two words, not a
 * generic name, and no purely numeric word ("lesson-23" is someone else's
 * numbering, not a name).
 */
export function lessonIdFor(
  fileName: string,
  title: string,
): { id: string; from: "file name" | "file name split by the title's words" | "title" } {
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const words = stem.split("-");
  const meaningful =
    LESSON_ID.test(stem) && words.length >= 2 && !GENERIC_NAMES.has(stem) && !words.some((word) => /^\d+$/.test(word));
  if (meaningful) return { id: stem, from: "file name" };
  const split = splitByTitle(stem.toLowerCase(), slugify(title).split("-"));
  if (split !== undefined && !GENERIC_NAMES.has(stem.toLowerCase())) {
    return { id: split, from: "file name split by the title's words" };
  }
  return { id: slugify(title), from: "title" };
}

/** A one-word name that is two or more consecutive title words run together, as those words joined by hyphens. */
function splitByTitle(name: string, titleWords: readonly string[]): string | undefined {
  if (!/^[a-z]+$/.test(name)) return undefined;
  for (let first = 0; first < titleWords.length; first++) {
    let joined = "";
    for (let last = first; last < titleWords.length && joined.length < name.length; last++) {
      joined += titleWords[last];
      if (joined === name && last > first) return titleWords.slice(first, last + 1).join("-");
    }
  }
  return undefined;
}

/**
 * github-slugger keeps non-ASCII letters and repeated hyphens, which lesson
 * ids allow neither of, and runs words joined by "/" or "." together; here
 * "Producer/Consumer" and "asyncio.gather" are two words each ("I/O" stays "io").
 */
export function slugify(text: string): string {
  return slug(
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/(?<=\p{L}{2})[/\\|+&_.](?=\p{L}{2})/gu, " "),
  )
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
