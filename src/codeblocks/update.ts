/**
 * `--update`: rewrites the output blocks of a file from what its blocks
 * really printed. Only on request, never as a side effect of a test run.
 * An output block that already matches (for example through `...`) is kept
 * as the author wrote it.
 */
import { renameSync, writeFileSync } from "node:fs";
import { outputMatches, normalizeOutput } from "./compare";
import { OUTPUT_LANGUAGE, type CodeBlock } from "./extract";
import type { BlockResult } from "./run";

interface Edit {
  from: number;
  to: number;
  text: string;
}

function fence(output: string, indent: string): string {
  const longestRun = Math.max(0, ...[...output.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = "`".repeat(Math.max(3, longestRun + 1));
  const body = output
    .split("\n")
    .map((line) => (line ? indent + line : line))
    .join("\n");
  return `${ticks}${OUTPUT_LANGUAGE}\n${body}\n${indent}${ticks}`;
}

function editFor(block: CodeBlock, printed: string, text: string): Edit | undefined {
  const actual = normalizeOutput(printed);
  const { output } = block;
  if (output && outputMatches(output.text, actual)) return undefined;
  if (!output && actual === "") return undefined;
  // Lines inside a list item are indented like the code block's fence.
  const lineStart = text.lastIndexOf("\n", block.startOffset - 1) + 1;
  const indent = text.slice(lineStart, block.startOffset);
  if (!output) return { from: block.endOffset, to: block.endOffset, text: `\n\n${indent}${fence(actual, indent)}` };
  if (actual === "") return { from: block.endOffset, to: output.endOffset, text: "" };
  return { from: output.startOffset, to: output.endOffset, text: fence(actual, indent) };
}

/**
 * The file's text with every finished block's output block rewritten, and
 * the blocks that changed. Blocks that did not run to their end are left alone.
 */
export function updatedText(text: string, results: readonly BlockResult[]): { text: string; changed: CodeBlock[] } {
  const edits: { edit: Edit; block: CodeBlock }[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    const edit = editFor(result.block, result.output, text);
    if (edit) edits.push({ edit, block: result.block });
  }
  let updated = text;
  for (const { edit } of [...edits].sort((a, b) => b.edit.from - a.edit.from)) {
    updated = updated.slice(0, edit.from) + edit.text + updated.slice(edit.to);
  }
  return { text: updated, changed: edits.map(({ block }) => block) };
}

/** Writes through a temp file and a rename, so a file is never left half written. */
export function writeFileAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
