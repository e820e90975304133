import { externalPrerequisite, singularPhrase, type Prerequisite } from "../lessons/schema";
import { slugify } from "../lessons/ids";
import type { Note } from "./notes";

/**
 * Topics this site does not teach, by lowercase singular name, with the
 * official Python documentation page that does. Sources name prerequisites as
 * plain topics ("Generators"); a topic listed here becomes an external
 * prerequisite, any other unknown topic is kept in the draft as a comment, with a warning. Add a topic
 * here when an import warns about it and the docs have a good page for it.
 */
const EXTERNAL_TOPICS: ReadonlyMap<string, string> = new Map([
  ["generator", "https://docs.python.org/3/howto/functional.html#generators"],
  ["function", "https://docs.python.org/3/tutorial/controlflow.html#defining-functions"],
  ["iterator", "https://docs.python.org/3/tutorial/classes.html#iterators"],
  ["class", "https://docs.python.org/3/tutorial/classes.html"],
  ["exception", "https://docs.python.org/3/tutorial/errors.html"],
  ["module", "https://docs.python.org/3/tutorial/modules.html"],
  ["context manager", "https://docs.python.org/3/reference/datamodel.html#context-managers"],
  ["decorator", "https://docs.python.org/3/glossary.html#term-decorator"],
]);

/** Lessons a prerequisite may name: the project's, those in --out, and the others of the batch. */
export interface KnownLesson {
  id: string;
  /** Absent when only the id is known. */
  title?: string;
}
export type KnownLessons = readonly KnownLesson[];

/** A prerequisite as the source writes it, with its line in the raw file where known. */
export interface StatedPrerequisite {
  item: unknown;
  line?: number | undefined;
}

/** A prerequisite that names no known lesson or topic: kept in the draft as a comment, and reported. */
export interface UnresolvedPrerequisite {
  name: string;
  line?: number | undefined;
}

/** Letters and digits only, lowercase: "Coroutines, Tasks & the Event-Loop" -> "coroutinestaskstheeventloop". */
const looseKey = (text: string): string =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Finds the lesson a prerequisite names, by its id, its title or the slug of
 * its title, ignoring case and punctuation ("coroutines-tasks-event-loop",
 * "Coroutines, Tasks and the Event Loop", "coroutines tasks and the event loop").
 */
export function findLesson(name: string, known: KnownLessons): KnownLesson | undefined {
  const key = looseKey(name);
  if (key === "") return undefined;
  return (
    known.find((lesson) => lesson.id === name.trim()) ??
    known.find((lesson) => looseKey(lesson.id) === key) ??
    known.find((lesson) => lesson.title !== undefined && looseKey(lesson.title) === key) ??
    known.find((lesson) => lesson.title !== undefined && looseKey(slugify(lesson.title)) === key)
  );
}

/**
 * Maps prerequisites as sources write them to the schema's form: a lesson
 * named by id, title or slug of title becomes its id, known topics become
 * { title, url }, { title, url } objects pass through. Anything else is
 * returned as unresolved, for the draft to keep as a comment.
 */
export function resolvePrerequisites(
  items: readonly StatedPrerequisite[],
  known: KnownLessons,
): { prerequisites: Prerequisite[]; notes: Note[]; unresolved: UnresolvedPrerequisite[] } {
  const prerequisites: Prerequisite[] = [];
  const notes: Note[] = [];
  const unresolved: UnresolvedPrerequisite[] = [];
  const seen = new Set<string>();
  const add = (prerequisite: Prerequisite) => {
    const key = typeof prerequisite === "string" ? prerequisite : prerequisite.url;
    if (!seen.has(key)) prerequisites.push(prerequisite);
    seen.add(key);
  };

  for (const { item, line } of items) {
    const at = line === undefined ? {} : { line };
    if (typeof item !== "string") {
      const external = externalPrerequisite.safeParse(item);
      if (external.success) add(external.data);
      else {
        const name = JSON.stringify(item);
        unresolved.push({ name, line });
        notes.push({
          kind: "warning",
          message: `prerequisite ${name} is not a { title, url } pair; kept as a comment in the draft`,
          ...at,
        });
      }
      continue;
    }
    const name = item.trim();
    const lesson = findLesson(name, known);
    if (lesson !== undefined) {
      add(lesson.id);
      if (lesson.id !== name)
        notes.push({ kind: "inferred", message: `prerequisite "${name}" is the lesson ${lesson.id}`, ...at });
      continue;
    }
    const url = EXTERNAL_TOPICS.get(singularPhrase(name.toLowerCase()));
    if (url !== undefined) {
      add({ title: name, url });
      notes.push({ kind: "inferred", message: `prerequisite "${name}" is not on this site; linking ${url}`, ...at });
      continue;
    }
    unresolved.push({ name, line });
    notes.push({
      kind: "warning",
      message:
        `prerequisite "${name}" names no lesson (by id or title) and no known topic: kept as a comment under ` +
        `"Before you start" in the draft; add the lesson's id to prerequisites: (or a { title, url } for a page elsewhere)`,
      ...at,
    });
  }
  return { prerequisites, notes, unresolved };
}

/**
 * The unresolved prerequisites as an MDX comment for the top of the body
 * (the page shows "Before you start" right above it), so the author's words
 * stay in the draft without showing on the page.
 */
export function unresolvedComment(unresolved: readonly UnresolvedPrerequisite[]): string {
  // A comment ends at "*/", and MDX matches braces before reading the comment.
  const safe = (text: string) => text.replace(/\*\//g, "* /").replace(/[{}]/g, "");
  const lines = unresolved.map(
    ({ name, line }) => `- ${safe(name)}${line === undefined ? "" : ` (source line ${line})`}`,
  );
  return [
    "{/*",
    "Before you start: prerequisites the importer found no lesson for. Add each as a lesson id",
    "(or a title and url pair) under prerequisites: in the frontmatter, then delete this comment.",
    ...lines,
    "*/}",
    "",
    "",
  ].join("\n");
}
