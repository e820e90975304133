/**
 * The in-browser Python's harness (browser.py over the shared virtual clock),
 * run in Pyodide under Node: every course block the browser may run prints
 * what its verified output block says (judged as `npm test` judges), and the
 * harness behaves as the page promises. Node has no WebAssembly stack
 * switching (Pyodide's own `asyncio.run` fails there, as in browsers without
 * it), so these runs also show that the lessons' `asyncio.run(main())` needs
 * none. The same runs in Chromium: tests/e2e/run-in-browser.spec.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { chains } from "../../src/codeblocks/extract";
import { judgeRun } from "../../src/codeblocks/run";
import { mdxFiles, readBlocks } from "../../src/codeblocks/suite";
import { browserSupport, chainSupport, type BrowserSupport } from "../../src/runner/imports";
import { block, loadNodeRunner, type NodeRunner } from "../support/pyodide";

let run: NodeRunner;
beforeAll(async () => {
  run = await loadNodeRunner();
}, 60_000);

/** Every Python block of the course with what the browser makes of it (its chain included). */
function courseBlocks() {
  return mdxFiles().flatMap((file) =>
    chains(readBlocks(file).blocks).flatMap((chain) => {
      const supports: BrowserSupport[] = [];
      return chain.map((codeBlock, index) => {
        const own = browserSupport(codeBlock.code, codeBlock.settings);
        supports.push(own);
        return { codeBlock, earlier: chain.slice(0, index), support: chainSupport(own, supports.slice(0, index)) };
      });
    }),
  );
}

describe("the course in Pyodide", () => {
  const blocks = courseBlocks();
  const runnable = blocks.filter(({ support }) => support.runnable);

  it("has blocks the browser can run, and says why of the others", () => {
    expect(runnable.length).toBeGreaterThan(0);
    const others = blocks.filter(({ support }) => !support.runnable);
    expect(others.map(({ support }) => !support.runnable && support.reason)).toContain(
      "needs aiohttp and talks to the network",
    );
  });

  it.each(runnable.map((entry) => [entry.codeBlock.name, entry] as const))(
    "%s prints its verified output",
    (_name, { codeBlock, earlier, support }) => {
      const result = run(
        [
          ...earlier.map((previous) => ({ code: previous.code, name: previous.name, quiet: true })),
          block(codeBlock.code, codeBlock.name),
        ],
        support.runnable ? support.clock : "virtual",
      );
      expect(result.contextFailed).toBe(false);
      // The test runner judges the printed output and the exception apart.
      const printed = result.error ? result.output.slice(0, -result.error.traceback.length) : result.output;
      expect(judgeRun(codeBlock, result.error, printed)).toBeNull();
    },
    30_000,
  );
});

describe("browser.py", () => {
  it("runs asyncio.run on the virtual clock, exactly and at once, with a fresh clock each run", () => {
    const code = [
      "import asyncio, time",
      "async def main():",
      "    start = time.perf_counter()",
      "    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(3))",
      "    time.sleep(0.5)",
      "    print(f'{time.perf_counter() - start:.2f}')",
      "asyncio.run(main())",
    ].join("\n");
    const started = Date.now();
    const first = run([block(code)]);
    const second = run([block(code)]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(first.error).toBeNull();
    expect(first.stdout).toBe("3.50\n");
    expect(second.stdout).toBe("3.50\n");
    // After a run that slept 1,000 virtual seconds, the next one's clock reads the real time again.
    run([block("import time\ntime.sleep(1000)")]);
    const now = Number(run([block("import time\nprint(time.time())")]).stdout);
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
  });

  it("waits for real on the real clock", () => {
    const started = Date.now();
    const result = run([block("import asyncio\nasyncio.run(asyncio.sleep(0.3))\nprint('done')")], "real");
    expect(result.stdout).toBe("done\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("numbers traceback lines from 1 in each block and leaves out the harness", () => {
    const result = run([block("print('before')\n\ndef f():\n    raise ValueError('bad input')\nf()\n")]);
    expect(result.stdout).toBe("before\n");
    expect(result.error).toMatchObject({ type: "ValueError", message: "bad input" });
    expect(result.error!.types).toContain("Exception");
    expect(result.error!.traceback).toContain('File "example.py", line 5, in <module>');
    expect(result.error!.traceback).toContain('File "example.py", line 4, in f');
    expect(result.error!.traceback).not.toContain("browser.py");
    expect(result.stderr).toBe(result.error!.traceback);
  });

  it("runs a chain's earlier blocks quietly in the same namespace", () => {
    const result = run([
      { code: "print('setup')\nanswer = 41", name: "first.py", quiet: true },
      block("print(answer + 1)", "second.py"),
    ]);
    expect(result).toMatchObject({ stdout: "42\n", error: null, contextFailed: false });
    const broken = run([{ code: "1 / 0", name: "first.py", quiet: true }, block("print('never')")]);
    expect(broken).toMatchObject({ stdout: "", contextFailed: true, error: { type: "ZeroDivisionError" } });
  });

  it("starts each run in a fresh namespace", () => {
    run([block("leftover = 1")]);
    expect(run([block("print(leftover)")]).error).toMatchObject({ type: "NameError" });
  });

  it("runs executor work at once, as there are no threads", () => {
    const code = [
      "import asyncio",
      "async def main():",
      "    print(await asyncio.to_thread(sum, [1, 2, 3]))",
      "asyncio.run(main())",
    ].join("\n");
    expect(run([block(code)])).toMatchObject({ stdout: "6\n", error: null });
  });

  it("fails a wait that nothing can end instead of hanging", () => {
    const code =
      "import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_future()\nasyncio.run(main())";
    const result = run([block(code)]);
    expect(result.error).toMatchObject({ type: "DeadlockError" });
    expect(result.error!.message).toContain("waits for something that can never happen");
  });

  it("treats sys.exit(0) as success and input() as having no input", () => {
    expect(run([block("import sys\nprint('bye')\nsys.exit(0)")])).toMatchObject({ stdout: "bye\n", error: null });
    expect(run([block("input('name? ')")])).toMatchObject({ stdout: "name? ", error: { type: "EOFError" } });
    expect(run([block("import sys\nsys.exit(3)")]).error).toMatchObject({ type: "SystemExit" });
  });
});
