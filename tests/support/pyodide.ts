/**
 * Pyodide under Node with the same harness as the browser worker
 * (src/runner/harness.ts), for tests of in-browser runs that need no browser.
 */
import { loadPyodide } from "pyodide";
import { installHarness, type RunResult } from "../../src/runner/harness";
import type { ClockMode, RunBlock } from "../../src/runner/protocol";

export interface NodeRun extends RunResult {
  stdout: string;
  stderr: string;
  /** Both streams, in the order they were written. */
  output: string;
}

export type NodeRunner = (blocks: RunBlock[], clock?: ClockMode) => NodeRun;

export async function loadNodeRunner(): Promise<NodeRunner> {
  const pyodide = await loadPyodide();
  const streams = { stdout: "", stderr: "", output: "" };
  const decoder = new TextDecoder();
  const write = (stream: "stdout" | "stderr") => (bytes: Uint8Array) => {
    const text = decoder.decode(bytes);
    streams[stream] += text;
    streams.output += text;
    return bytes.length;
  };
  pyodide.setStdout({ write: write("stdout") });
  pyodide.setStderr({ write: write("stderr") });
  pyodide.setStdin({ error: true });
  const run = installHarness(pyodide);
  let id = 0;
  return (blocks, clock = "virtual") => {
    Object.assign(streams, { stdout: "", stderr: "", output: "" });
    const result = run({ type: "run", id: ++id, blocks, clock });
    return { ...result, ...streams };
  };
}

/** One shown block, as the page sends it. */
export const block = (code: string, name = "example.py"): RunBlock => ({ code, name, quiet: false });
