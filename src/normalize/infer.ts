/**
 * Fills the frontmatter fields the source does not state, from the finished
 * body, and reports for each field whether it was kept or how it was inferred.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Difficulty, Prerequisite } from "../lessons/schema";
import { inferDescription } from "./description";
import { inferDifficulty } from "./difficulty";
import { estimateDuration } from "./duration";
import { ImportError } from "./errors";
import type { ExplicitFields } from "./frontmatter";
import { inferKeywords } from "./keywords";
import type { Note } from "./notes";
import { resolvePrerequisites, type KnownLessons, type UnresolvedPrerequisite } from "./prerequisites";
import type { StatedField } from "./synonyms";
import type { Outline } from "./sections";
import type { CleanTitle } from "./title";

export interface CompletedFields {
  description: string;
  difficulty: Difficulty;
  prerequisites: Prerequisite[];
  keywords: string[];
  duration: number;
  objectives: string[] | undefined;
  language: string;
  authors: string[] | undefined;
  extra: Record<string, unknown> | undefined;
  /** Prerequisites named in the source that match no lesson or topic, for the draft's comment. */
  unresolved: UnresolvedPrerequisite[];
}

export interface InferInput {
  file: string;
  fields: ExplicitFields;
  title: CleanTitle;
  sections: Outline;
  /** The MDX body, and its tree: inference reads what the page will show. */
  body: string;
  bodyTree: Root;
  knownLessons: KnownLessons;
  /** Prerequisites of the frontmatter that matched nothing. */
  unresolved: readonly UnresolvedPrerequisite[];
}

export function completeFields({
  file,
  fields,
  title,
  sections,
  body,
  bodyTree,
  knownLessons,
  unresolved: unresolvedStated,
}: InferInput): {
  values: CompletedFields;
  notes: Note[];
} {
  const notes: Note[] = [];
  /** The source's value when it has one, else the inferred one; either way reported. */
  const choose = <T>(field: StatedField, stated: T | undefined, infer: () => { value: T; how: string }): T => {
    if (stated !== undefined) {
      const mapping = mappingNote(fields, field, stated);
      notes.push({ kind: "kept", message: `${field}: ${JSON.stringify(stated)}${mapping}` });
      return stated;
    }
    const { value, how } = infer();
    notes.push({ kind: "inferred", message: `${field}: ${JSON.stringify(value)} (${how})` });
    return value;
  };

  const description = choose("description", fields.description, () => {
    const found = inferDescription(bodyTree);
    if (found === undefined) {
      throw new ImportError(file, "no sentence to use as the description", {
        hint: "set description: in the frontmatter",
      });
    }
    return { value: found, how: "first prose sentence" };
  });
  const difficulty = choose("difficulty", fields.difficulty, () => {
    const { difficulty, reason } = inferDifficulty(body);
    return { value: difficulty, how: reason };
  });
  const keywords = choose("keywords", fields.keywords, () => ({
    value: inferKeywords(bodyTree, title.title),
    how: "most mentioned terms",
  }));
  const duration = choose("duration", fields.duration, () =>
    title.duration === undefined
      ? {
          value: estimateDuration(wordCount(bodyTree), codeBlockCount(bodyTree)),
          how: "200 words a minute plus a minute per code block",
        }
      : { value: title.duration, how: "stated in the title" },
  );

  let prerequisites = fields.prerequisites ?? [];
  let unresolved = [...unresolvedStated];
  if (fields.prerequisites === undefined && sections.prerequisites !== undefined) {
    const { items, lines } = sections.prerequisites;
    const resolved = resolvePrerequisites(
      items.map((item, index) => ({ item, line: lines[index] })),
      knownLessons,
    );
    prerequisites = resolved.prerequisites;
    unresolved = resolved.unresolved;
    notes.push(...resolved.notes);
  }
  const authors = fields.authors;
  if (authors !== undefined) {
    notes.push({
      kind: "kept",
      message: `authors: ${JSON.stringify(authors)}${mappingNote(fields, "authors", authors)}`,
    });
  }

  const objectives = fields.objectives ?? sections.objectives?.items;
  if (fields.objectives === undefined && objectives !== undefined) {
    notes.push({ kind: "inferred", message: `objectives: ${objectives.length} from the learning objectives section` });
  }

  const language = fields.language ?? mainLanguage(bodyTree);
  return {
    values: {
      description,
      difficulty,
      prerequisites,
      keywords,
      duration,
      objectives,
      language,
      authors,
      extra: fields.extra,
      unresolved,
    },
    notes,
  };
}

/**
 * How a stated value was read, for the report: the source key when it is a
 * synonym, and the source's value when it was read into another form
 * (` (from level: "Intermediate")`, ` (from estimated_time: "25 min")`).
 */
function mappingNote(fields: ExplicitFields, field: StatedField, value: unknown): string {
  const key = fields.from?.[field];
  if (key === undefined) return "";
  const raw = fields.statedAs?.[field];
  const same = JSON.stringify(raw) === JSON.stringify(value);
  if (key === field && same) return "";
  return same ? ` (from ${key}:)` : ` (from ${key}: ${JSON.stringify(raw)})`;
}

function wordCount(body: Root): number {
  let words = 0;
  visit(body, (node) => {
    if (node.type === "text" || node.type === "inlineCode") words += node.value.split(/\s+/).filter(Boolean).length;
  });
  return words;
}

function codeBlockCount(body: Root): number {
  let blocks = 0;
  visit(body, "code", () => {
    blocks++;
  });
  return blocks;
}

/** The language most code blocks are tagged with; plain text and output do not count. Python lessons by default. */
function mainLanguage(body: Root): string {
  const counts = new Map<string, number>();
  visit(body, "code", (code) => {
    const language = code.lang?.toLowerCase();
    if (language && !["text", "plaintext", "txt", "output", "console"].includes(language)) {
      counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  });
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "python";
}
