/**
 * The words the runner UI shows, in one place (no DOM here, so the unit tests
 * read them directly).
 */
import type { PythonError } from "./protocol";
import type { RunEnd } from "./ui-session";

/** Decimal megabytes with one digit, as download sizes are usually given. */
export const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

export const loadingText = (loaded: number, total: number) =>
  `Loading Python… ${megabytes(loaded)} / ${megabytes(total)} MB`;

export const RUNNING = "Running…";

export const RESET = "The original code is back.";

/** The output panel's label: it never claims that edited code printed the verified output. */
export const outputLabel = (edited: boolean) => (edited ? "Your output" : "Output of this run");

/** The status line once a run has ended. */
export function endText(end: RunEnd): string {
  switch (end.kind) {
    case "stopped":
      return "Stopped.";
    case "failed":
      return `Python could not be loaded (${end.message}). Check your connection, then press Run to try again.`;
    case "done":
      if (end.contextFailed)
        return "The earlier code that this example continues raised an exception, so it did not run.";
      return end.error ? `Finished with an exception: ${exceptionLine(end.error)}` : "Finished.";
  }
}

export const exceptionLine = (error: PythonError) => (error.message ? `${error.type}: ${error.message}` : error.type);

/** Ends the shown output when a run prints too much; the run goes on until Stop. */
export const TRUNCATED = "\n[Output cut here: this run printed too much to show. Press Stop to end it.]\n";
