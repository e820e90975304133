/**
 * Code blocks: tag untagged fences with a language, and fence indented code
 * (MDX has no indented code).
 */
import type { Code } from "mdast";
import { guessLanguage, openingFence } from "../fences";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { escapeProseLines } from "./prose";
import type { NodeStep } from "./step";

/** The fence language of checked output (src/codeblocks/extract.ts reads it). */
const OUTPUT_LANGUAGE = "output";

export const fenceCodeStep: NodeStep<Code> = (code, { text, outputFences }, parent) => {
  const line = lineOf(code);
  const fence = openingFence(text, code);
  if (fence !== undefined && outputFences.has(code)) {
    // The language and settings go: the info string is just "output".
    const start = startOf(code) + sourceOf(text, code).indexOf(fence) + fence.length;
    const end = text.indexOf("\n", start);
    return code.lang === OUTPUT_LANGUAGE && code.meta === null
      ? undefined
      : { edits: [{ start, end: end === -1 ? endOf(code) : end, text: OUTPUT_LANGUAGE }] };
  }
  if (fence !== undefined) {
    if (code.lang) return undefined;
    const language = guessLanguage(code.value);
    const at = startOf(code) + sourceOf(text, code).indexOf(fence) + fence.length;
    return {
      edits: [{ start: at, end: at, text: language }],
      repairs: [{ message: `tagged untagged code fences as ${language}`, line }],
    };
  }
  if (parent?.type !== "root") {
    const source = sourceOf(text, code);
    const escaped = escapeProseLines(source);
    return {
      edits: escaped.text === source ? [] : [{ start: startOf(code), end: endOf(code), text: escaped.text }],
      notes: [
        {
          kind: "warning",
          message:
            "indented code inside a list or quote: MDX shows it as text (its {, }, <, > escaped); fence it by hand",
          line,
        },
      ],
    };
  }
  return {
    edits: [{ start: startOf(code), end: endOf(code), text: fenced(code.value, guessLanguage(code.value)) }],
    repairs: [{ message: "fenced indented code blocks (MDX has no indented code)", line }],
  };
};

/** `code` in a fence longer than any backtick run inside it. */
export function fenced(code: string, language: string): string {
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marker = "`".repeat(longestRun + 1);
  return `${marker}${language}\n${code}\n${marker}`;
}
