/**
 * Errors the Markdown plugins raise for a lesson, worded for its author:
 * `path:line:column: what is wrong; what to do`, the path relative to the
 * project. The error also carries `line` and `column`, which @astrojs/mdx
 * turns into the build error's location.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Point } from "unist";

/** One thing wrong in a lesson, at a place in its source (undefined: the whole file). */
export interface Problem {
  position: { start: Point } | undefined;
  message: string;
}

/** The file as the reader knows it: relative to the project (the working directory) when inside it. */
export function displayPath(fileURL: URL | undefined): string {
  if (fileURL === undefined) return "<lesson>";
  const path = fileURLToPath(fileURL);
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}

/** `path:line:column` (or just `path` for a problem of the whole file). */
export function placeOf(path: string, problem: Problem): string {
  const start = problem.position?.start;
  return start ? `${path}:${start.line}:${start.column}` : path;
}

export class LessonError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, place: Problem["position"]) {
    super(message);
    this.name = "LessonError";
    this.line = place?.start.line;
    this.column = place?.start.column;
  }
}

/** One problem as an error: `path:line:column: message`. */
export function problemError(fileURL: URL | undefined, problem: Problem): LessonError {
  return new LessonError(`${placeOf(displayPath(fileURL), problem)}: ${problem.message}`, problem.position);
}
