/**
 * The messages between a lesson page and the Web Worker that runs its Python
 * blocks (src/runner/worker.ts). The page sends one `run` at a time; the worker
 * answers with loading progress (first run only), streamed output, and `done`.
 * Stop is `worker.terminate()`: the next run starts a fresh worker.
 */

/** One block of a run. A `continue` chain sends the earlier blocks first, quiet. */
export interface RunBlock {
  code: string;
  /** Shown in tracebacks as the file name. */
  name: string;
  /** An earlier block of the chain: run for its definitions, its output not shown. */
  quiet: boolean;
}

/** "virtual": sleeps jump a virtual clock (as in `npm test`); "real": they wait. */
export type ClockMode = "virtual" | "real";

export type ToWorker = { type: "run"; id: number; blocks: RunBlock[]; clock: ClockMode };

export interface PythonError {
  /** `ValueError` */
  type: string;
  /** Every class name the exception answers to, qualified and not (`OSError`, `builtins.OSError`). */
  types: string[];
  /** `str()` of the exception. */
  message: string;
  /** As Python prints it; line numbers count from 1 in each block. */
  traceback: string;
}

export type FromWorker =
  /** Bytes of the runtime downloaded so far, of `total` (first run only). */
  | { type: "loading"; loaded: number; total: number }
  /** The runtime is loaded; the run starts. */
  | { type: "ready" }
  /** Text as the block prints it (not split into lines). */
  | { type: "output"; id: number; stream: "stdout" | "stderr"; text: string }
  /** The run ended. `contextFailed`: an earlier (quiet) block of the chain raised. */
  | { type: "done"; id: number; error: PythonError | null; contextFailed: boolean }
  /** The runtime could not be loaded. */
  | { type: "failed"; message: string };
