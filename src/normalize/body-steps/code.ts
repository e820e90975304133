/**
 * Code blocks: tag untagged fences with a language, and fence indented code
 * (MDX has no indented code).
 */
import type { Code } from "mdast";
import { guessLanguage, openingFence } from "../fences";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { escapeProseLines } from "./prose";
import type { NodeStep } from "./step";

export const fenceCodeStep: NodeStep<Code> = (code, { text }, parent) => {
  const line = lineOf(code);
  const fence = openingFence(text, code);
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
