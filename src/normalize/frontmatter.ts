import type { Root, Yaml } from "mdast";
import { parseDocument } from "yaml";
import { MAX_YAML_ALIASES } from "../lessons/limits";
import { DIFFICULTIES, type Difficulty, type Prerequisite } from "../lessons/schema";
import { parseDuration } from "./duration";
import { ImportError } from "./errors";
import { normalizeKeywords } from "./keywords";
import type { Note } from "./notes";
import { resolvePrerequisites } from "./prerequisites";

export interface SourceFrontmatter {
  data: Record<string, unknown>;
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
    return { data: {}, node };
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
  if (data === null || data === undefined) return { data: {}, node };
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ImportError(file, "frontmatter must be a mapping of keys to values", { line: firstYamlLine });
  }
  return { data: data as Record<string, unknown>, node };
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
}

/** Other words sources use for a difficulty. */
const DIFFICULTY_ALIASES: Readonly<Record<string, Difficulty>> = {
  easy: "beginner",
  basic: "beginner",
  introductory: "beginner",
  medium: "intermediate",
  hard: "advanced",
  expert: "advanced",
};

/** Keys the importer sets itself; a source's value for them is ignored. */
const IMPORTER_KEYS = new Set(["source", "draft"]);

/**
 * Maps a source's frontmatter onto the schema's fields. Keys the strict schema
 * does not know are dropped, and values it cannot use are dropped with a
 * warning and left to inference.
 */
export function mapFrontmatter(
  data: Readonly<Record<string, unknown>>,
  knownIds: ReadonlySet<string>,
): { fields: ExplicitFields; notes: Note[] } {
  const fields: ExplicitFields = {};
  const notes: Note[] = [];
  const unusable = (key: string, value: unknown, why: string) =>
    notes.push({ kind: "warning", message: `frontmatter ${key}: ${JSON.stringify(value)} ignored, ${why}` });

  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case "title":
      case "description":
      case "language":
        if (typeof value === "string" && value.trim() !== "") fields[key] = value.trim();
        else unusable(key, value, "expected text");
        break;
      case "difficulty": {
        const word = String(value).trim().toLowerCase();
        const difficulty = DIFFICULTIES.find((d) => d === word) ?? DIFFICULTY_ALIASES[word];
        if (difficulty) fields.difficulty = difficulty;
        else unusable(key, value, `expected one of ${DIFFICULTIES.join(", ")}`);
        break;
      }
      case "prerequisites": {
        const resolved = resolvePrerequisites(listOf(value), knownIds);
        fields.prerequisites = resolved.prerequisites;
        notes.push(...resolved.notes);
        break;
      }
      case "keywords":
      case "tags": {
        const { keywords, rejected } = normalizeKeywords(listOf(value).map(String));
        if (keywords.length > 0) fields.keywords = [...(fields.keywords ?? []), ...keywords];
        for (const word of rejected) unusable(key, word, "not a keyword");
        break;
      }
      case "duration": {
        const minutes = parseDuration(value);
        if (minutes !== undefined) fields.duration = minutes;
        else unusable(key, value, "expected minutes, e.g. 10 or 10 minutes");
        break;
      }
      case "objectives": {
        const objectives = listOf(value).filter(
          (item): item is string => typeof item === "string" && item.trim() !== "",
        );
        if (objectives.length > 0) fields.objectives = objectives.map((item) => item.trim());
        else unusable(key, value, "expected a list of text");
        break;
      }
      default:
        notes.push(
          IMPORTER_KEYS.has(key)
            ? { kind: "removed", message: `frontmatter ${key} (the importer sets it)` }
            : { kind: "removed", message: `frontmatter ${key}: not in the lesson schema` },
        );
    }
  }
  if (fields.keywords) fields.keywords = normalizeKeywords(fields.keywords).keywords;
  return { fields, notes };
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
