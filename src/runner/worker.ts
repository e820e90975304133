/**
 * The Web Worker that runs a lesson's Python blocks in the reader's browser
 * (the page never freezes, and Stop is `worker.terminate()`).
 *
 * On the first run it loads Pyodide from this site (the folder the build
 * copied it to, next to this file: src/integrations/python-runner.ts), never
 * from a CDN, reporting bytes as they arrive. It then installs the same
 * harness code as `npm test` (src/codeblocks/python/lesson_harness/: the
 * virtual clock, with browser.py's event loop) and runs each request with
 * browser.py's run_blocks, streaming what the blocks print.
 *
 * Messages: src/runner/protocol.ts.
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from "pyodide";
import { installHarness, type RunResult } from "./harness";
import type { FromWorker, ToWorker } from "./protocol";

/** The runtime's folder, relative to this file (set by the bundler). */
declare const __PYODIDE_DIR__: string;
/** The runtime's files and their sizes in bytes (set by the bundler). */
declare const __PYODIDE_FILES__: Record<string, number>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);
const runtime = new URL(__PYODIDE_DIR__, import.meta.url);
const total = Object.values(__PYODIDE_FILES__).reduce((sum, size) => sum + size, 0);

let loaded = 0;
/** The run whose output is streaming now. */
let current = 0;

/** A response whose body reports its bytes as they are read. */
function counted(response: Response): Response {
  if (!response.ok || !response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      loaded += value.byteLength;
      post({ type: "loading", loaded: Math.min(loaded, total), total });
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  // Headers are kept: WebAssembly.instantiateStreaming needs the application/wasm type.
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function fetchOrFail(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status} ${response.statusText}`);
  return response;
}

async function loadRuntime(): Promise<(request: ToWorker) => RunResult> {
  const originalFetch = scope.fetch.bind(scope);
  // Pyodide does not always give up when a file fails to load (a failed WebAssembly download leaves
  // loadPyodide() pending for ever), so a failed fetch ends the loading here, with its reason.
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // Only awaited in the race below: a failure before it (the loader itself) is reported by its own await.
  failed.catch(() => {});
  // Pyodide fetches the WebAssembly, the standard library and its lock file itself: count those bytes.
  scope.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let response: Response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      fail(new Error(`could not download ${new URL(url, runtime).pathname}: ${(error as Error).message}`));
      throw error;
    }
    if (!response.ok)
      fail(new Error(`${new URL(url, runtime).pathname} answered ${response.status} ${response.statusText}`));
    return counted(response);
  };
  try {
    // Its two JavaScript modules are imported, not fetched: fetch them first (counted, and then in the
    // HTTP cache), and import the loader ourselves.
    const loader = new URL("pyodide.mjs", runtime);
    await (await fetchOrFail(loader)).arrayBuffer();
    await (await fetchOrFail(new URL("pyodide.asm.mjs", runtime))).arrayBuffer();
    const { loadPyodide } = (await import(/* @vite-ignore */ loader.href)) as typeof import("pyodide");
    const pyodide: PyodideAPI = await Promise.race([
      loadPyodide({ indexURL: runtime.href, checkAPIVersion: true }),
      failed,
    ]);
    return installRuntime(pyodide);
  } finally {
    scope.fetch = originalFetch;
  }
}

function installRuntime(pyodide: PyodideAPI): (request: ToWorker) => RunResult {
  const write = (stream: "stdout" | "stderr") => (bytes: Uint8Array) => {
    post({ type: "output", id: current, stream, text: decoder.decode(bytes) });
    return bytes.length;
  };
  const decoder = new TextDecoder();
  pyodide.setStdout({ write: write("stdout") });
  pyodide.setStderr({ write: write("stderr") });
  // No keyboard input in a page's example: input() fails at once instead of waiting for ever.
  pyodide.setStdin({ error: true });
  return installHarness(pyodide);
}

let runner: Promise<(request: ToWorker) => RunResult> | undefined;

scope.addEventListener("message", async (event: MessageEvent<ToWorker>) => {
  const request = event.data;
  if (request.type !== "run") return;
  const first = runner === undefined;
  runner ??= loadRuntime();
  let run: (request: ToWorker) => RunResult;
  try {
    run = await runner;
  } catch (error) {
    runner = undefined;
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (first) post({ type: "ready" });
  current = request.id;
  post({ type: "done", id: request.id, ...run(request) });
});
