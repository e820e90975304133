/**
 * Checks of the lesson files themselves, run by the content loader before
 * Astro reads them: what would crash or stall the build instead of failing it
 * with a message (a file past the size limit, lists, quotes or HTML elements
 * nested deep enough to overflow the MDX compiler's stack, a YAML alias bomb in the frontmatter), and a
 * `source` that names no raw file in content/sources/. Each problem names the
 * file (with the line where there is one), the field and what to do.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { Problem } from "../graph/problems";
import { MAX_YAML_ALIASES, nestingProblem, sizeProblem, tagNestingProblem } from "./limits";

const SOURCES = "content/sources/";

/** `base` is the lessons folder relative to `root`, e.g. "content/lessons"; `names` the .mdx files in it. */
export function lessonFileProblems(root: string, base: string, names: readonly string[]): Problem[] {
  return names.flatMap((name) => fileProblems(root, `${base}/${name}`));
}

function fileProblems(root: string, file: string): Problem[] {
  const absolute = path.join(root, file);
  const info = statSync(absolute, { throwIfNoEntry: false });
  if (info === undefined) return []; // removed since the folder was listed (astro dev)
  if (!info.isFile()) return [{ file, field: "file name", message: "is not a regular file; lessons are .mdx files." }];
  const size = sizeProblem(info.size);
  if (size !== undefined) return [{ file, field: "file size", message: `${size.message}.` }];

  const text = readFileSync(absolute, "utf8");
  const problems: Problem[] = [];
  for (const nesting of [nestingProblem(text), tagNestingProblem(text)]) {
    if (nesting !== undefined)
      problems.push({ file: `${file}:${nesting.line}`, field: "body", message: `${nesting.message}.` });
  }

  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (frontmatter === null) return problems;
  let data: unknown;
  try {
    data = parseDocument(frontmatter[1]!).toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // Aliases: an alias bomb, or an alias without its anchor. Other YAML errors are reported by Astro.
    if (!(error instanceof ReferenceError)) throw error;
    problems.push({
      file: `${file}:2`,
      field: "frontmatter",
      message: `${error.message}; write each value out instead of repeating it with YAML anchors and aliases.`,
    });
    return problems;
  }
  const source = typeof data === "object" && data !== null ? (data as Record<string, unknown>).source : undefined;
  if (typeof source === "string") {
    const problem = sourceProblem(root, source);
    if (problem !== undefined) problems.push({ file, field: "source", message: problem });
  }
  return problems;
}

/** `source` must name an existing file inside content/sources/, relative to the project root. */
export function sourceProblem(root: string, source: string): string | undefined {
  const parts = source.split(/[\\/]/);
  if (path.isAbsolute(source) || !source.startsWith(SOURCES) || parts.includes("..") || parts.includes(".")) {
    return (
      `"${source}" is not a file in ${SOURCES}; ` +
      `source names the raw lesson as content/sources/<file>.md, relative to the project root.`
    );
  }
  const info = statSync(path.join(root, source), { throwIfNoEntry: false });
  if (info === undefined) {
    return `"${source}" does not exist; add the raw lesson there, or correct the path.`;
  }
  if (!info.isFile()) return `"${source}" is not a file; source names the raw lesson, a .md file.`;
  return undefined;
}
