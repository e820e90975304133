/**
 * One test per Python block of the lessons, named content/lessons/<file>.mdx:<start>-<end>.
 * Blocks that share a namespace (`continue`) run in one process; each still
 * reports on its own.
 */
import { inject, it } from "vitest";
import { chains } from "../../src/codeblocks/extract";
import { runChain, type BlockResult } from "../../src/codeblocks/run";
import { mdxFiles, readBlocks, type LessonBlocks } from "../../src/codeblocks/suite";

const python = inject("python");
// CI runs on this machine kind, where `npm test` installs everything: nothing may be skipped there
// except blocks that say why in their fence.
const strict = Boolean(process.env.CI);

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
  for (const chain of chains(lesson.blocks)) {
    let run: Promise<BlockResult[]> | undefined;
    chain.forEach((block, index) => {
      it(block.name, async ({ skip }) => {
        run ??= runChain(chain, lesson.text, { python, strict });
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
