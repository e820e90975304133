/**
 * npm run test:blocks [-- --update] [files...]
 *
 * Runs the Python blocks of the lessons (or of the given .mdx files), prints
 * one line per block and the details of each failure, and ends with
 * `N passed, N failed, N skipped`. Exit status 1 when anything failed.
 * --update rewrites output blocks from what the blocks printed; it runs every
 * block twice and refuses output that differs between the runs.
 * --suite-timeout <seconds> bounds the whole run (see suiteDeadline).
 */
import { parseArgs } from "node:util";
import { ExtractError } from "./extract";
import { choosePython } from "./interpreter";
import type { BlockResult } from "./run";
import { detectSandbox } from "./sandbox";
import { mdxFiles, readBlocks, runBlocks, suiteDeadline, summary, type LessonBlocks } from "./suite";
import { unstableOutputs, updatedText, writeFileAtomically } from "./update";

const indent = (text: string) => text.replace(/^(?=.)/gm, "    ");

function report(result: BlockResult): string {
  const { block, status, message } = result;
  if (status === "passed") return `✓ ${block.name}`;
  if (status === "skipped") return `- ${block.name} skipped: ${message}`;
  return `✗ ${block.name}\n${indent(message ?? "")}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      update: { type: "boolean", default: false },
      "suite-timeout": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(
      "Usage: npm run test:blocks -- [--update] [--suite-timeout <seconds>] [file.mdx ...]   (default: every lesson)\n" +
        "--suite-timeout: limit for the whole run (default $LESSONS_SUITE_TIMEOUT, else 600); blocks still to run then fail.",
    );
    return 0;
  }
  const deadline = suiteDeadline(values["suite-timeout"]);

  const lessons: LessonBlocks[] = [];
  const problems: string[] = [];
  for (const path of positionals.length > 0 ? positionals : mdxFiles()) {
    try {
      lessons.push(readBlocks(path));
    } catch (error) {
      if (!(error instanceof ExtractError) && (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      problems.push((error as Error).message);
    }
  }
  for (const problem of problems) console.log(`✗ ${problem}`);

  const python = choosePython();
  const sandbox = detectSandbox();
  const confinement =
    sandbox.kind === "bwrap"
      ? "in a bubblewrap sandbox"
      : sandbox.kind === "unsandboxed"
        ? "WITHOUT a sandbox"
        : "nowhere: no sandbox, so every block fails";
  console.log(`Running code blocks with ${python.command} (Python ${python.version}), ${confinement}.`);
  let results = await runBlocks(lessons, { python: python.command, strict: Boolean(process.env.CI), deadline });

  if (values.update) {
    // A second run: output that changes from run to run is never written (unstableOutputs).
    console.log("Running the blocks a second time, to check that their output is the same every run.");
    const again = await runBlocks(lessons, { python: python.command, strict: Boolean(process.env.CI), deadline });
    const unstable = new Map(unstableOutputs(results, again).map((found) => [found.block.name, found]));
    const stable = results.filter((result) => !unstable.has(result.block.name));
    const updated = new Set<string>();
    for (const lesson of lessons) {
      const own = stable.filter((result) => result.block.file === lesson.file);
      const { text, changed } = updatedText(lesson.text, own);
      if (changed.length === 0) continue;
      writeFileAtomically(lesson.file, text);
      for (const block of changed) updated.add(block.name);
      console.log(`Updated ${changed.length} output block(s) in ${lesson.file}.`);
    }
    // `output` is only set when the block ran to its end as expected, so once
    // its output block holds that output, nothing is wrong with it any more.
    results = results.map((result): BlockResult => {
      const varies = unstable.get(result.block.name);
      if (varies !== undefined) return { ...result, status: "failed", message: varies.message };
      if (!updated.has(result.block.name) || result.output === undefined) return result;
      const { message: _message, ...rest } = result;
      return { ...rest, status: "passed" };
    });
  }

  for (const result of results) console.log(report(result));
  console.log(summary(results, problems.length));
  return results.some((result) => result.status === "failed") || problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
