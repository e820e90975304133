/**
 * `--update`: rewrites the output blocks of a file from what its blocks
 * really printed. Only on request, never as a side effect of a test run.
 * An output block that already matches (for example through `...`) is kept
 * as the author wrote it. Every block runs twice; one whose two runs differ
 * is left alone (unstableOutputs).
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

/** A block whose two runs printed different output: `--update` writes nothing for it. */
export interface UnstableOutput {
  block: CodeBlock;
  /** What `--update` prints: the lines that differ and what to do. */
  message: string;
}

/**
 * `--update` runs every block twice. A block whose two runs printed different
 * output (`random.choice`, a timestamp, an address) would get an output block
 * that fails most later runs, so it is not updated; the message names the
 * lines that differ and suggests `...` for the varying part. A block whose
 * output block already matches both runs (through `...`) is stable as written.
 */
export function unstableOutputs(first: readonly BlockResult[], second: readonly BlockResult[]): UnstableOutput[] {
  const secondByName = new Map(second.map((result) => [result.block.name, result]));
  const unstable: UnstableOutput[] = [];
  for (const result of first) {
    const again = secondByName.get(result.block.name);
    if (result.output === undefined || again === undefined) continue;
    const { block } = result;
    if (again.output === undefined) {
      unstable.push({
        block,
        message: `${block.name}: not updated: it ran to its end once and failed the second time, so its output cannot be recorded; make it deterministic`,
      });
      continue;
    }
    const [a, b] = [normalizeOutput(result.output), normalizeOutput(again.output)];
    if (a === b) continue;
    if (block.output && outputMatches(block.output.text, a) && outputMatches(block.output.text, b)) continue;
    unstable.push({ block, message: unstableMessage(block, a.split("\n"), b.split("\n")) });
  }
  return unstable;
}

function unstableMessage(block: CodeBlock, first: string[], second: string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < Math.max(first.length, second.length); index++) {
    if (first[index] === second[index]) continue;
    const show = (line: string | undefined) => (line === undefined ? "(no line)" : JSON.stringify(line));
    lines.push(`    output line ${index + 1}: first run ${show(first[index])}, second run ${show(second[index])}`);
  }
  const shown = lines.slice(0, 10);
  if (lines.length > 10) shown.push(`    ... and ${lines.length - 10} more lines`);
  return (
    `${block.name}: not updated: two runs printed different output:\n${shown.join("\n")}\n` +
    `  Write the output block by hand with ... for the part that varies (e.g. "winner: ..."), ` +
    `or make the block print the same every time (random.seed(0), a fixed date).`
  );
}

/** Writes through a temp file and a rename, so a file is never left half written. */
export function writeFileAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
