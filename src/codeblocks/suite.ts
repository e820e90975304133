/**
 * The one driver of the block runner, shared by the CLI (cli.ts), the tests
 * (tests/codeblocks/) and the benchmark (src/bench/codeblocks.ts): which files
 * hold lessons, reading a file's blocks, splitting them into the chains that
 * each run in one process, and running them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { chains, extractBlocks, type CodeBlock } from "./extract";
import { runChain, type BlockResult, type Deadline, type RunOptions } from "./run";
import { LESSON_EXTENSION, LESSONS_DIR } from "../lessons/ids";

/** The whole block suite's limit, unless LESSONS_SUITE_TIMEOUT (or the CLI's --suite-timeout) says otherwise. */
export const DEFAULT_SUITE_TIMEOUT_SECONDS = 600;
export const SUITE_TIMEOUT_VARIABLE = "LESSONS_SUITE_TIMEOUT";

/**
 * The deadline for a whole run of the block suite, starting now: `seconds`,
 * else $LESSONS_SUITE_TIMEOUT, else 10 minutes. Chains that would start after
 * it fail without running; one still running is stopped and fails.
 */
export function suiteDeadline(seconds?: string, env: NodeJS.ProcessEnv = process.env): Deadline {
  const given = seconds ?? env[SUITE_TIMEOUT_VARIABLE];
  const limit = given === undefined || given === "" ? DEFAULT_SUITE_TIMEOUT_SECONDS : Number(given);
  if (!Number.isFinite(limit) || limit <= 0) {
    throw new Error(`The block suite's time limit must be a number of seconds above 0, not "${given}".`);
  }
  return {
    at: Date.now() + limit * 1000,
    description:
      `the block suite's overall limit of ${limit} s ` +
      `(set it with ${SUITE_TIMEOUT_VARIABLE}=<seconds>, or --suite-timeout for npm run test:blocks)`,
  };
}

export interface LessonBlocks {
  /** Path relative to the current directory, with forward slashes: how names and tracebacks show it. */
  file: string;
  text: string;
  blocks: CodeBlock[];
}

/** The .mdx files of a folder, sorted, as paths relative to the current directory. */
export function mdxFiles(dir: string = LESSONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(LESSON_EXTENSION))
    .sort()
    .map((name) => join(dir, name));
}

export function displayPath(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join("/");
}

/** Reads a file's blocks; throws an ExtractError naming the file and line on bad input. */
export function readBlocks(path: string): LessonBlocks {
  const file = displayPath(path);
  const text = readFileSync(path, "utf8");
  return { file, text, blocks: extractBlocks(text, file) };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What one process runs: a chain of blocks (a block and the `continue` blocks after it) and its file's text. */
export interface ChainJob {
  chain: CodeBlock[];
  text: string;
}

/** The chains of the given files, in file order. */
export function chainJobs(lessons: readonly LessonBlocks[]): ChainJob[] {
  return lessons.flatMap((lesson) => chains(lesson.blocks).map((chain) => ({ chain, text: lesson.text })));
}

/** Runs one chain; one result per block, in order. */
export function runJob(job: ChainJob, options: RunOptions): Promise<BlockResult[]> {
  return runChain(job.chain, job.text, options);
}

/** Runs every chain of the given files, `concurrency` processes at a time; results in file order. */
export async function runBlocks(
  lessons: readonly LessonBlocks[],
  options: RunOptions,
  concurrency = 2,
): Promise<BlockResult[]> {
  const results = await mapLimited(chainJobs(lessons), concurrency, (job) => runJob(job, options));
  return results.flat();
}

/** `N passed, N failed, N skipped` */
export function summary(results: readonly Pick<BlockResult, "status">[], extraFailures = 0): string {
  const count = (status: BlockResult["status"]) => results.filter((result) => result.status === status).length;
  return `${count("passed")} passed, ${count("failed") + extraFailures} failed, ${count("skipped")} skipped`;
}
