/**
 * The page's side of the Python worker (src/runner/ui-session.ts), against a
 * fake worker: one worker kept across runs, Stop terminates it, a newer run
 * stops the older one, messages of a stopped run are ignored, and a runtime
 * or worker that cannot load ends the run as "failed".
 */
import { describe, expect, it } from "vitest";
import type { FromWorker, ToWorker } from "../../../src/runner/protocol";
import { PythonSession, type RunListener } from "../../../src/runner/ui-session";
import { endText, loadingText, outputLabel } from "../../../src/runner/ui-text";

class FakeWorker extends EventTarget {
  sent: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromWorker) {
    this.dispatchEvent(new MessageEvent("message", { data: message }));
  }
  fail(message: string) {
    const event = new Event("error", { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const session = new PythonSession(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  const heard: string[] = [];
  const listener: RunListener = {
    loading: (loaded, total) => heard.push(`loading ${loaded}/${total}`),
    ready: () => heard.push("ready"),
    output: (stream, text) => heard.push(`${stream}: ${text}`),
  };
  return { session, workers, heard, listener };
}

const block = { code: "print(1)", name: "example 1", quiet: false };

describe("the Python session of a page", () => {
  it("starts one worker, streams a run's messages and ends with done; the next run reuses the worker", async () => {
    const { session, workers, heard, listener } = setup();
    const first = session.run([block], "virtual", listener);
    expect(session.running).toBe(true);
    const worker = workers[0]!;
    expect(worker.sent).toEqual([{ type: "run", id: 1, blocks: [block], clock: "virtual" }]);
    worker.reply({ type: "loading", loaded: 5, total: 10 });
    worker.reply({ type: "ready" });
    worker.reply({ type: "output", id: 1, stream: "stdout", text: "1\n" });
    worker.reply({ type: "done", id: 1, error: null, contextFailed: false });
    expect(await first).toEqual({ kind: "done", error: null, contextFailed: false });
    expect(heard).toEqual(["loading 5/10", "ready", "stdout: 1\n"]);
    expect(session.running).toBe(false);

    const second = session.run([block], "real", listener);
    expect(workers).toHaveLength(1);
    expect(worker.sent[1]).toMatchObject({ id: 2, clock: "real" });
    worker.reply({ type: "done", id: 2, error: null, contextFailed: false });
    expect((await second).kind).toBe("done");
  });

  it("Stop terminates the worker at once; the next run starts a fresh one", async () => {
    const { session, workers, listener } = setup();
    const running = session.run([block], "virtual", listener);
    session.stop();
    expect(await running).toEqual({ kind: "stopped" });
    expect(workers[0]!.terminated).toBe(true);
    session.run([block], "virtual", listener);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toHaveLength(1);
  });

  it("a new run stops the one in progress, whose late messages are ignored", async () => {
    const { session, workers, heard, listener } = setup();
    const older = session.run([block], "virtual", listener);
    const newer = session.run([block], "virtual", listener);
    expect(await older).toEqual({ kind: "stopped" });
    workers[0]!.reply({ type: "output", id: 1, stream: "stdout", text: "late\n" });
    workers[0]!.reply({ type: "done", id: 1, error: null, contextFailed: false });
    expect(heard).toEqual([]);
    workers[1]!.reply({ type: "output", id: 2, stream: "stderr", text: "warning\n" });
    workers[1]!.reply({ type: "done", id: 2, error: null, contextFailed: false });
    expect((await newer).kind).toBe("done");
    expect(heard).toEqual(["stderr: warning\n"]);
  });

  it("a runtime that cannot load, or a worker that cannot start, ends the run as failed and discards the worker", async () => {
    const { session, workers, listener } = setup();
    const run = session.run([block], "virtual", listener);
    workers[0]!.reply({ type: "failed", message: "pyodide.asm.wasm answered 404 Not Found" });
    expect(await run).toEqual({ kind: "failed", message: "pyodide.asm.wasm answered 404 Not Found" });
    expect(workers[0]!.terminated).toBe(true);

    const again = session.run([block], "virtual", listener);
    workers[1]!.fail("");
    expect(await again).toEqual({ kind: "failed", message: "the Python worker could not be started" });
    session.run([block], "virtual", listener);
    expect(workers).toHaveLength(3);
  });
});

describe("the runner's words", () => {
  it("shows loading in decimal megabytes and never calls edited output verified", () => {
    expect(loadingText(3_149_000, 13_500_000)).toBe("Loading Python… 3.1 / 13.5 MB");
    expect(outputLabel(false)).toBe("Output of this run");
    expect(outputLabel(true)).toBe("Your output");
  });

  it("says how a run ended", () => {
    const error = { type: "ValueError", types: ["ValueError"], message: "bad input", traceback: "" };
    expect(endText({ kind: "done", error: null, contextFailed: false })).toBe("Finished.");
    expect(endText({ kind: "done", error, contextFailed: false })).toBe(
      "Finished with an exception: ValueError: bad input",
    );
    expect(endText({ kind: "done", error, contextFailed: true })).toMatch(/earlier code .* raised an exception/);
    expect(endText({ kind: "stopped" })).toBe("Stopped.");
    expect(endText({ kind: "failed", message: "offline" })).toMatch(/^Python could not be loaded \(offline\)\./);
  });
});
