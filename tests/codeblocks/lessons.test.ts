/**
 * One test per Python block of the lessons, named content/lessons/<file>.mdx:<start>-<end>.
 * Blocks that share a namespace (`continue`) run in one process; each still
 * reports on its own.
 *
 * Bounded: each test's timeout is derived from its chain's own limit (the
 * runner always gives up first, so Vitest never abandons a running sandbox),
 * and the whole file shares the block suite's deadline (LESSONS_SUITE_TIMEOUT).
 */
import { inject, it } from "vitest";
import { chainLimitSeconds, type BlockResult } from "../../src/codeblocks/run";
import { chainJobs, mdxFiles, readBlocks, runJob, suiteDeadline, type LessonBlocks } from "../../src/codeblocks/suite";

const python = inject("python");
// CI runs on this machine kind, where `npm test` installs everything: nothing may be skipped there
// except blocks that say why in their fence.
const strict = Boolean(process.env.CI);
const deadline = suiteDeadline();
/** Room for Vitest beyond the runner's own limit: certificates, the sandbox probe, a loaded machine. */
const MARGIN_SECONDS = 30;

for (const path of mdxFiles()) {
  let lesson: LessonBlocks;
  try {
    lesson = readBlocks(path);
  } catch (error) {
    it(path, () => {
      throw error;
    });
    continue;
  }
  for (const job of chainJobs([lesson])) {
    let run: Promise<BlockResult[]> | undefined;
    const timeout = (chainLimitSeconds(job.chain) + MARGIN_SECONDS) * 1000;
    job.chain.forEach((block, index) => {
      it(block.name, { timeout }, async ({ skip }) => {
        run ??= runJob(job, { python, strict, deadline });
        const result = (await run)[index]!;
        if (result.status === "skipped") {
          console.log(`${block.name} skipped: ${result.message}`);
          skip(result.message);
        }
        if (result.status === "failed") throw new Error(`${block.name} ${result.message}`);
      });
    });
  }
}
