import { externalPrerequisite, LESSON_ID, singularPhrase, type Prerequisite } from "../lessons/schema";
import { slugify } from "../lessons/ids";
import type { Note } from "./notes";

/**
 * Topics this site does not teach, by lowercase singular name, with the
 * official Python documentation page that does. Sources name prerequisites as
 * plain topics ("Generators"); a topic listed here becomes an external
 * prerequisite, any other unknown topic is dropped with a warning. Add a topic
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

/**
 * Maps prerequisites as sources write them to the schema's form: ids of
 * lessons on this site stay ids (a title whose slug is such an id becomes the
 * id), known topics become { title, url }, { title, url } objects pass
 * through, anything else is dropped with a warning.
 */
export function resolvePrerequisites(
  items: readonly unknown[],
  knownIds: ReadonlySet<string>,
): { prerequisites: Prerequisite[]; notes: Note[] } {
  const prerequisites: Prerequisite[] = [];
  const notes: Note[] = [];
  const seen = new Set<string>();
  const add = (prerequisite: Prerequisite) => {
    const key = typeof prerequisite === "string" ? prerequisite : prerequisite.url;
    if (!seen.has(key)) prerequisites.push(prerequisite);
    seen.add(key);
  };

  for (const item of items) {
    if (typeof item !== "string") {
      const external = externalPrerequisite.safeParse(item);
      if (external.success) add(external.data);
      else
        notes.push({
          kind: "warning",
          message: `dropped prerequisite ${JSON.stringify(item)}: not a { title, url } pair`,
        });
      continue;
    }
    const name = item.trim();
    if (LESSON_ID.test(name) && knownIds.has(name)) {
      add(name);
      continue;
    }
    const id = slugify(name);
    if (knownIds.has(id)) {
      add(id);
      notes.push({ kind: "inferred", message: `prerequisite "${name}" is the lesson ${id}` });
      continue;
    }
    const url = EXTERNAL_TOPICS.get(singularPhrase(name.toLowerCase()));
    if (url !== undefined) {
      add({ title: name, url });
      notes.push({ kind: "inferred", message: `prerequisite "${name}" is not on this site; linking ${url}` });
      continue;
    }
    notes.push({
      kind: "warning",
      message: `dropped prerequisite "${name}": no lesson with that id and no known page for it (src/normalize/prerequisites.ts)`,
    });
  }
  return { prerequisites, notes };
}
