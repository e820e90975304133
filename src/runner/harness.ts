/**
 * Installs the lesson harness (src/codeblocks/python/lesson_harness/: the
 * virtual clock and browser.py's event loop and block runner) into a loaded
 * Pyodide, and returns a function that runs one request with it. The worker
 * (src/runner/worker.ts) uses it in the browser, the tests in Node: one way
 * of running blocks in Pyodide.
 */
import type { PyodideAPI } from "pyodide";
import type { PyCallable } from "pyodide/ffi";
import browserPy from "../codeblocks/python/lesson_harness/browser.py?raw";
import clockPy from "../codeblocks/python/lesson_harness/clock.py?raw";
import errorsPy from "../codeblocks/python/lesson_harness/errors.py?raw";
import type { FromWorker, ToWorker } from "./protocol";

export type RunResult = Omit<Extract<FromWorker, { type: "done" }>, "type" | "id">;

const HOME = "/home/pyodide";

export function installHarness(pyodide: PyodideAPI): (request: ToWorker) => RunResult {
  const folder = `${HOME}/lesson_harness`;
  pyodide.FS.mkdirTree(folder);
  pyodide.FS.writeFile(`${folder}/__init__.py`, "");
  pyodide.FS.writeFile(`${folder}/clock.py`, clockPy);
  pyodide.FS.writeFile(`${folder}/errors.py`, errorsPy);
  pyodide.FS.writeFile(`${folder}/browser.py`, browserPy);
  const run = pyodide.runPython(`
import json, sys
sys.path.insert(0, ${JSON.stringify(HOME)})
from lesson_harness.browser import run_blocks

def run_request(text):
    request = json.loads(text)
    return json.dumps(run_blocks(request["blocks"], request["clock"]))

run_request
`) as PyCallable;
  return (request) => JSON.parse(run(JSON.stringify(request)) as string) as RunResult;
}
