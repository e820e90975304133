/**
 * Benchmark of the code block tests: the real time each block takes (Python
 * start-up included for the first block of a process) beside the virtual
 * seconds it slept, which is what the virtual clock saves.
 */
import { performance } from "node:perf_hooks";
import { choosePython } from "../codeblocks/interpreter";
import type { BlockResult } from "../codeblocks/run";
import { mdxFiles, readBlocks, runBlocks, summary } from "../codeblocks/suite";
import { table } from "./report";

export interface CodeBlockBenchmark {
  python: string;
  results: BlockResult[];
  /** Wall-clock seconds for the whole run. */
  totalRealSeconds: number;
  totalVirtualSeconds: number;
}

/** Runs every lesson's blocks one process at a time, so timings do not compete. */
export async function benchCodeBlocks(files: readonly string[] = mdxFiles()): Promise<CodeBlockBenchmark> {
  const python = choosePython();
  const started = performance.now();
  const results = await runBlocks(files.map(readBlocks), { python: python.command }, 1);
  return {
    python: `${python.command} (Python ${python.version})`,
    results,
    totalRealSeconds: (performance.now() - started) / 1000,
    totalVirtualSeconds: results.reduce((sum, result) => sum + (result.virtualSeconds ?? 0), 0),
  };
}

/** A Markdown table, one row per block and a total. */
export function formatCodeBlockTable(benchmark: CodeBlockBenchmark): string {
  const rows = benchmark.results.map((result) => [
    `\`${result.block.name}\``,
    result.status,
    (result.realSeconds * 1000).toFixed(0),
    result.virtualSeconds === null ? "real clock" : result.virtualSeconds.toFixed(2),
  ]);
  rows.push([
    `**all ${benchmark.results.length} blocks**`,
    summary(benchmark.results),
    (benchmark.totalRealSeconds * 1000).toFixed(0),
    benchmark.totalVirtualSeconds.toFixed(2),
  ]);
  return table(["code block", "result", "real time (ms)", "virtual sleep (s)"], rows, "llrr");
}
