/**
 * The import-time run of a draft's Python blocks: the same driver, sandbox
 * and comparison as `npm run test:blocks` (src/codeblocks/suite.ts), so the
 * author sees at import what `npm test` will say. Blocks run only inside the
 * bubblewrap sandbox: without it (or with LESSONS_UNSANDBOXED set) nothing
 * runs and the report says why.
 */
import { extractBlocks } from "../codeblocks/extract";
import { choosePython } from "../codeblocks/interpreter";
import type { BlockResult } from "../codeblocks/run";
import { detectSandbox } from "../codeblocks/sandbox";
import { runBlocks, suiteDeadline } from "../codeblocks/suite";

/** The Python and sandbox to run blocks with, or why they cannot run. */
export type BlockRunner = { python: string } | { problem: string };

export function blockRunner(): BlockRunner {
  let python: string;
  try {
    python = choosePython().command;
  } catch (error) {
    return { problem: `${(error as Error).message} (or pass --no-run)` };
  }
  const sandbox = detectSandbox();
  if (sandbox.kind === "unavailable") return { problem: `no sandbox to run them in: ${sandbox.problem}` };
  if (sandbox.kind === "unsandboxed") {
    return { problem: "the importer runs lesson code only inside the bubblewrap sandbox; unset LESSONS_UNSANDBOXED" };
  }
  return { python };
}

/** One line per block: output matches, differs, fails, or skipped; details indented under it. */
export async function checkBlocks(mdx: string, file: string, runner: { python: string }): Promise<string[]> {
  let blocks;
  try {
    blocks = extractBlocks(mdx, file);
  } catch (error) {
    return [`blocks not run: ${(error as Error).message}`];
  }
  if (blocks.length === 0) return [];
  const results = await runBlocks([{ file, text: mdx, blocks }], {
    python: runner.python,
    deadline: suiteDeadline(),
  });
  const count = (what: string) => results.map(describe).filter((line) => line.includes(`: ${what}`)).length;
  return [
    ...results.map(describe),
    `blocks   ${count("output matches")} output matches, ${count("output differs")} differs, ` +
      `${count("fails")} fails: npm test will say the same until the draft is fixed`,
  ];
}

const indent = (text: string) => text.replace(/^(?=.)/gm, "      ");

export function describe(result: BlockResult): string {
  const { block, status, message, output } = result;
  const where = block.name;
  if (status === "skipped") return `block    ${where}: skipped (${message ?? ""})`;
  if (status === "passed") {
    return block.output ? `block    ${where}: output matches` : `block    ${where}: runs and prints nothing`;
  }
  // `output` is set when the block ran to its end: only what it printed is wrong.
  const what =
    output === undefined
      ? "fails"
      : block.output
        ? "output differs"
        : "prints output the draft does not show (npm run test:blocks -- --update adds it)";
  return `block    ${where}: ${what}\n${indent(message ?? "")}`;
}
