/**
 * npm run bench: measurements that are too machine-dependent for tests.
 * Prints Markdown, ready to paste into a report.
 */
import { benchCodeBlocks, formatCodeBlockTable } from "./codeblocks";

const blocks = await benchCodeBlocks();
console.log(`## Code blocks\n\nRun with ${blocks.python}, one process at a time.\n`);
console.log(formatCodeBlockTable(blocks));
console.log(
  `\n${blocks.totalVirtualSeconds.toFixed(2)} s of sleeping took ${blocks.totalRealSeconds.toFixed(2)} s of real time.`,
);
