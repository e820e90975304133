/**
 * The page's side of the Python worker (src/runner/worker.ts): one worker for
 * the page, started on the first run and kept, so later runs start at once.
 * One run at a time: a new run stops the one in progress. Stop terminates the
 * worker (the only way to end a `while True: pass`); the next run starts a
 * fresh one, which loads the runtime again (from the browser's cache).
 */
import type { ClockMode, FromWorker, PythonError, RunBlock, ToWorker } from "./protocol";

export interface RunListener {
  /** Runtime bytes downloaded so far, of `total` (only while a new worker loads it). */
  loading(loaded: number, total: number): void;
  /** The runtime is loaded; the run starts. */
  ready(): void;
  output(stream: "stdout" | "stderr", text: string): void;
}

export type RunEnd =
  | { kind: "done"; error: PythonError | null; contextFailed: boolean }
  /** The runtime or the worker could not be loaded. */
  | { kind: "failed"; message: string }
  /** Stopped by the reader, or by a newer run. */
  | { kind: "stopped" };

interface Pending {
  id: number;
  listener: RunListener;
  end: (result: RunEnd) => void;
}

export class PythonSession {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 1;

  constructor(private readonly startWorker: () => Worker) {}

  /** Whether a run is in progress. */
  get running(): boolean {
    return this.pending !== undefined;
  }

  /** Runs the blocks (earlier blocks of a chain first, quiet); resolves when the run ends, however it ends. */
  run(blocks: RunBlock[], clock: ClockMode, listener: RunListener): Promise<RunEnd> {
    this.stop();
    const id = this.nextId++;
    const worker = (this.worker ??= this.start());
    return new Promise((end) => {
      this.pending = { id, listener, end };
      worker.postMessage({ type: "run", id, blocks, clock } satisfies ToWorker);
    });
  }

  /** Ends the run in progress at once (its promise resolves "stopped"); the next run starts a new worker. */
  stop(): void {
    if (!this.pending) return;
    this.discardWorker();
    this.finish({ kind: "stopped" });
  }

  private start(): Worker {
    const worker = this.startWorker();
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
      if (worker === this.worker) this.receive(event.data);
    });
    // A worker script that cannot be fetched or parsed reports an error event and nothing else.
    worker.addEventListener("error", (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      this.discardWorker();
      this.finish({ kind: "failed", message: event.message || "the Python worker could not be started" });
    });
    return worker;
  }

  private receive(message: FromWorker): void {
    const pending = this.pending;
    if (!pending) return;
    switch (message.type) {
      case "loading":
        pending.listener.loading(message.loaded, message.total);
        break;
      case "ready":
        pending.listener.ready();
        break;
      case "output":
        if (message.id === pending.id) pending.listener.output(message.stream, message.text);
        break;
      case "done":
        if (message.id === pending.id) {
          this.finish({ kind: "done", error: message.error, contextFailed: message.contextFailed });
        }
        break;
      case "failed":
        this.discardWorker();
        this.finish({ kind: "failed", message: message.message });
        break;
    }
  }

  private discardWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private finish(result: RunEnd): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.end(result);
  }
}
