/**
 * The pieces the block tests, the CLI and the benchmark share: which files
 * hold lessons, reading a file's blocks, and running them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { chains, extractBlocks, type CodeBlock } from "./extract";
import { runChain, type BlockResult, type Deadline, type RunOptions } from "./run";

export const LESSONS_DIR = "content/lessons";

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
    .filter((name) => name.endsWith(".mdx"))
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

/** Runs every chain of the given files (two processes at a time); results in file order. */
export async function runBlocks(lessons: readonly LessonBlocks[], options: RunOptions): Promise<BlockResult[]> {
  const jobs = lessons.flatMap((lesson) => chains(lesson.blocks).map((chain) => ({ chain, text: lesson.text })));
  const results = await mapLimited(jobs, 2, ({ chain, text }) => runChain(chain, text, options));
  return results.flat();
}

/** `N passed, N failed, N skipped` */
export function summary(results: readonly Pick<BlockResult, "status">[], extraFailures = 0): string {
  const count = (status: BlockResult["status"]) => results.filter((result) => result.status === status).length;
  return `${count("passed")} passed, ${count("failed") + extraFailures} failed, ${count("skipped")} skipped`;
}
