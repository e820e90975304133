import type { Root, Yaml } from "mdast";
import { isMap, isNode, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { MAX_YAML_ALIASES } from "../lessons/limits";
import { DIFFICULTIES, type Difficulty, type Prerequisite } from "../lessons/schema";
import { parseDuration } from "./duration";
import { ImportError } from "./errors";
import { normalizeKeywords } from "./keywords";
import type { Note } from "./notes";
import { resolvePrerequisites, type KnownLessons, type UnresolvedPrerequisite } from "./prerequisites";
import { canonicalKey, DIFFICULTY_SYNONYMS, fieldOfKey, IMPORTER_KEYS, keyRank, type StatedField } from "./synonyms";

export interface SourceFrontmatter {
  data: Record<string, unknown>;
  /** The raw file's line of each top-level key. */
  lines: Record<string, number>;
  /** The raw file's line of each item of a top-level list (`prerequisites:` written as a YAML list). */
  itemLines: Record<string, number[]>;
  /** The YAML block, absent when the source has none. */
  node: Yaml | undefined;
}

/**
 * Reads the source's YAML frontmatter. YAML errors are reported at the line of
 * the raw file (the YAML parser counts from the first line inside the "---").
 */
export function readFrontmatter(tree: Root, text: string, file: string): SourceFrontmatter {
  const node = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  if (node === undefined) {
    // remark only recognizes a closed block; an opening "---" followed by
    // "key: value" lines is frontmatter someone forgot to close.
    if (/^---[ \t]*\n[ \t]*[\w-]+[ \t]*:/.test(text)) {
      throw new ImportError(file, "frontmatter opened on line 1 is never closed", {
        line: 1,
        hint: 'end it with a line containing only "---"',
      });
    }
    return { data: {}, lines: {}, itemLines: {}, node };
  }

  const firstYamlLine = (node.position?.start.line ?? 1) + 1;
  const document = parseDocument(node.value);
  const [error] = document.errors;
  if (error !== undefined) {
    const yamlLine = error.linePos?.[0].line ?? 1;
    const reason = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new ImportError(file, `broken YAML frontmatter: ${reason}`, {
      line: firstYamlLine + yamlLine - 1,
      hint: "fix the YAML between the --- lines",
    });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws ReferenceError for an alias bomb ("billion laughs") or an alias without its anchor.
    if (!(error instanceof ReferenceError)) throw error;
    throw new ImportError(file, `unusable YAML frontmatter: ${error.message}`, {
      line: firstYamlLine,
      hint: "write each value out instead of repeating it with YAML anchors and aliases, &name and *name",
    });
  }
  if (data === null || data === undefined) return { data: {}, lines: {}, itemLines: {}, node };
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ImportError(file, "frontmatter must be a mapping of keys to values", { line: firstYamlLine });
  }
  return { data: data as Record<string, unknown>, ...keyLines(document, node.value, firstYamlLine), node };
}

/** The raw file's line of each top-level key of a YAML mapping, and of each item of a list value. */
function keyLines(
  document: Document,
  yaml: string,
  firstYamlLine: number,
): { lines: Record<string, number>; itemLines: Record<string, number[]> } {
  const lines: Record<string, number> = {};
  const itemLines: Record<string, number[]> = {};
  const lineAt = (offset: number) => firstYamlLine + (yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
  if (!isMap(document.contents)) return { lines, itemLines };
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    lines[key] = lineAt(pair.key.range[0]);
    if (isSeq(pair.value)) {
      itemLines[key] = pair.value.items.map((item) =>
        isNode(item) && item.range ? lineAt(item.range[0]) : (lines[key] ?? firstYamlLine),
      );
    }
  }
  return { lines, itemLines };
}

/** Frontmatter values that fit the schema, before inference fills the gaps. */
export interface ExplicitFields {
  title?: string;
  description?: string;
  difficulty?: Difficulty;
  prerequisites?: Prerequisite[];
  keywords?: string[];
  duration?: number;
  objectives?: string[];
  language?: string;
  authors?: string[];
  /** Source keys that are no lesson field, with their values (the schema's `extra`). */
  extra?: Record<string, unknown>;
  /** The source key each stated field came from, for the report ("summary" for description). */
  from?: Partial<Record<StatedField, string>>;
  /** The value each stated field had in the source, for the report when it was read into another form ("25 min"). */
  statedAs?: Partial<Record<StatedField, unknown>>;
}

/**
 * Maps a source's frontmatter onto the schema's fields, by the synonyms in
 * synonyms.ts. Keys that are no lesson field are kept under `extra` with a
 * note naming their line; values the schema cannot use are left to inference
 * with a warning. When two keys mean one field (`description` and `summary`),
 * the preferred one is used and the other is kept under `extra`.
 */
export function mapFrontmatter(
  data: Readonly<Record<string, unknown>>,
  knownLessons: KnownLessons,
  lines: Readonly<Record<string, number>> = {},
  itemLines: Readonly<Record<string, readonly number[]>> = {},
): { fields: ExplicitFields; notes: Note[]; unresolved: UnresolvedPrerequisite[] } {
  const fields: ExplicitFields = {};
  const from: Partial<Record<StatedField, string>> = {};
  const statedAs: Partial<Record<StatedField, unknown>> = {};
  const extra: Record<string, unknown> = {};
  const notes: Note[] = [];
  let unresolved: UnresolvedPrerequisite[] = [];
  const lineOf = (key: string) => (lines[key] === undefined ? {} : { line: lines[key] });
  const unusable = (key: string, value: unknown, why: string) =>
    notes.push({
      kind: "warning",
      message: `frontmatter ${key}: ${JSON.stringify(value)} ignored, ${why}`,
      ...lineOf(key),
    });
  const keepExtra = (key: string, value: unknown, why: string) => {
    extra[key] = value;
    notes.push({ kind: "kept", message: `frontmatter ${key}: ${why}; kept under extra:`, ...lineOf(key) });
  };

  // Preferred keys first, so "description" wins over "summary" whatever their order in the file.
  const entries = Object.entries(data).sort(([a], [b]) => keyRank(a) - keyRank(b));
  for (const [key, value] of entries) {
    if (IMPORTER_KEYS.has(canonicalKey(key))) {
      notes.push({ kind: "removed", message: `frontmatter ${key} (the importer sets it)`, ...lineOf(key) });
      continue;
    }
    if (canonicalKey(key) === "extra" && isMapping(value)) {
      Object.assign(extra, value);
      continue;
    }
    const field = fieldOfKey(key);
    if (field === undefined) {
      keepExtra(key, value, "not a lesson field");
      continue;
    }
    if (from[field] !== undefined) {
      keepExtra(key, value, `${field} is already stated by ${from[field]}:`);
      continue;
    }
    const stated = mapField(field, value, knownLessons, lines[key], itemLines[key]);
    if (stated.why !== undefined) {
      unusable(key, value, stated.why);
      continue;
    }
    Object.assign(fields, stated.fields);
    notes.push(...stated.notes);
    unresolved = [...unresolved, ...stated.unresolved];
    from[field] = key;
    statedAs[field] = value;
  }
  if (Object.keys(extra).length > 0) fields.extra = extra;
  if (Object.keys(from).length > 0) Object.assign(fields, { from, statedAs });
  return { fields, notes, unresolved };
}

interface MappedField {
  fields: ExplicitFields;
  notes: Note[];
  unresolved: UnresolvedPrerequisite[];
  /** Why the value cannot be used, when it cannot. */
  why?: string;
}

function mapField(
  field: StatedField,
  value: unknown,
  knownLessons: KnownLessons,
  line: number | undefined,
  itemLines: readonly number[] = [],
): MappedField {
  const done = (fields: ExplicitFields): MappedField => ({ fields, notes: [], unresolved: [] });
  const refuse = (why: string): MappedField => ({ fields: {}, notes: [], unresolved: [], why });
  switch (field) {
    case "title":
    case "description":
    case "language":
      return typeof value === "string" && value.trim() !== ""
        ? done({ [field]: value.trim() })
        : refuse("expected text");
    case "difficulty": {
      const word = String(value).trim().toLowerCase();
      const difficulty = DIFFICULTIES.find((d) => d === word) ?? DIFFICULTY_SYNONYMS[word];
      return difficulty ? done({ difficulty }) : refuse(`expected one of ${DIFFICULTIES.join(", ")}`);
    }
    case "prerequisites": {
      const resolved = resolvePrerequisites(
        listOf(value).map((item, index) => ({ item, line: itemLines[index] ?? line })),
        knownLessons,
      );
      return {
        fields: { prerequisites: resolved.prerequisites },
        notes: resolved.notes,
        unresolved: resolved.unresolved,
      };
    }
    case "keywords": {
      const { keywords, rejected } = normalizeKeywords(listOf(value).map(String));
      const notes: Note[] = rejected.map((word) => ({
        kind: "warning",
        message: `frontmatter keyword ${JSON.stringify(word)} ignored, not a keyword`,
        ...(line === undefined ? {} : { line }),
      }));
      return keywords.length > 0 ? { fields: { keywords }, notes, unresolved: [] } : refuse("no usable keyword");
    }
    case "duration": {
      const minutes = parseDuration(value);
      return minutes !== undefined ? done({ duration: minutes }) : refuse("expected minutes, e.g. 10, 15 min or 1h");
    }
    case "objectives":
    case "authors": {
      // One author may be written "Doe, Jane": a string of authors splits on ";", "&" and "and" only.
      const items =
        field === "authors" && typeof value === "string" ? value.split(/\s*(?:;|&|\band\b)\s*/) : listOf(value);
      const names = items
        .map((item) => (isMapping(item) && typeof item.name === "string" ? item.name : item))
        .filter((item): item is string => typeof item === "string" && item.trim() !== "")
        .map((item) => item.trim());
      return names.length > 0 ? done({ [field]: names }) : refuse("expected a list of text");
    }
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A YAML list, or a comma-separated string, as a list. */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string")
    return value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  return value === undefined || value === null ? [] : [value];
}
