/**
 * The runner against fixture lessons (tests/fixtures/codeblocks/): it must
 * fail when a block is wrong, stop what runs too long or prints too much,
 * and pass what is right, on the virtual clock and off it.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ExtractError } from "../../src/codeblocks/extract";
import type { BlockResult } from "../../src/codeblocks/run";
import { readBlocks, runBlocks, summary } from "../../src/codeblocks/suite";

const FIXTURES = "tests/fixtures/codeblocks";
const python = inject("python");

async function run(fixture: string, strict = false): Promise<BlockResult[]> {
  return runBlocks([readBlocks(`${FIXTURES}/${fixture}.mdx`)], { python, strict });
}

/** The result of the block whose fence opens on `line`. */
function at(results: BlockResult[], line: number): BlockResult {
  const result = results.find((candidate) => candidate.block.start === line);
  if (!result) throw new Error(`no block starts on line ${line}: ${results.map((r) => r.block.name).join(", ")}`);
  return result;
}

describe("blocks that are wrong fail, saying why", () => {
  let results: BlockResult[];
  beforeAll(async () => {
    results = await run("failures");
  });

  it("shows expected and actual output as a diff", () => {
    const result = at(results, 5);
    expect(result.block.name).toBe(`${FIXTURES}/failures.mdx:5-8`);
    expect(result.status).toBe("failed");
    expect(result.message).toContain(`its output block (${FIXTURES}/failures.mdx:10-13)`);
    expect(result.message).toMatch(/--- expected\n\s*\+\+\+ actual/);
    expect(result.message).toMatch(/^\s*-Hello world!$/m);
    expect(result.message).toMatch(/^\s*\+Hello, world!$/m);
    expect(result.message).toMatch(/^\s* Goodbye$/m);
  });

  it("fails on an unexpected exception, with a traceback that points into the MDX", () => {
    const { status, message } = at(results, 17);
    expect(status).toBe("failed");
    expect(message).toContain("raised an exception");
    expect(message).toContain(`File "${FIXTURES}/failures.mdx", line 21, in <module>`);
    expect(message).toContain(`File "${FIXTURES}/failures.mdx", line 19, in parse`);
    // The traceback quotes the lesson's own line.
    expect(message).toContain('parse("forty-two")');
    expect(message).toContain("ValueError: invalid literal for int() with base 10: 'forty-two'");
    expect(message).not.toContain("lesson_harness");
  });

  it("fails when an expected exception never comes", () => {
    const { status, message } = at(results, 26);
    expect(status).toBe("failed");
    expect(message).toBe("expected it to raise ValueError, but it finished without an exception.");
  });

  it("fails on another exception than the expected one", () => {
    const { status, message } = at(results, 32);
    expect(status).toBe("failed");
    expect(message).toContain("expected it to raise KeyError, but it raised:");
    expect(message).toContain("TypeError: 'NoneType' object is not subscriptable");
  });

  it("fails on the expected exception with another message", () => {
    const { status, message } = at(results, 38);
    expect(status).toBe("failed");
    expect(message).toMatch(/^\s*-bad input$/m);
    expect(message).toMatch(/^\s*\+other input$/m);
  });

  it("fails when a block prints without an output block, or an output block waits for output that never comes", () => {
    expect(at(results, 44)).toMatchObject({
      status: "failed",
      message: expect.stringContaining("has no ```output block"),
    });
    expect(at(results, 50)).toMatchObject({ status: "failed", message: expect.stringMatching(/^\s*-42$/m) });
  });

  it("counts them", () => {
    expect(summary(results)).toBe("0 passed, 7 failed, 0 skipped");
  });
});

describe("blocks that never end are stopped", () => {
  let results: BlockResult[];
  beforeAll(async () => {
    results = await run("limits");
  });

  it("stops a block at its timeout and shows what it printed", () => {
    const { status, message } = at(results, 5);
    expect(status).toBe("failed");
    expect(message).toMatch(/^timed out after 1 s/);
    expect(message).toContain("spinning");
  });

  it("stops a block that prints without end", () => {
    const { status, message } = at(results, 13);
    expect(status).toBe("failed");
    expect(message).toMatch(/^printed more than 100000 bytes, the output limit/);
    expect(message).toMatch(/\[\d+ more lines\]/);
  });

  it("reports a crash of the interpreter", () => {
    expect(at(results, 31)).toMatchObject({
      status: "failed",
      message: "Python ended by SIGSEGV before the block finished\nIt printed:\n    about to crash",
    });
    expect(at(results, 41)).toMatchObject({
      status: "failed",
      message: "Python ended with status 3 before the block finished",
    });
  });

  it("does not run the rest of a chain after a block failed", () => {
    expect(at(results, 20).message).toContain("RuntimeError: stop here");
    expect(at(results, 25)).toMatchObject({
      status: "failed",
      message: `not run, because ${FIXTURES}/limits.mdx:20-23 before it in the chain failed.`,
    });
  });
});

describe("blocks that are right pass", () => {
  let results: BlockResult[];
  beforeAll(async () => {
    results = await run("features");
  });

  it("continues a namespace only when asked, matches ellipses and expected exceptions, and skips with a reason", () => {
    expect(results.map((result) => [result.block.start, result.status, result.message])).toEqual([
      [5, "passed", undefined],
      [18, "passed", undefined],
      [28, "passed", undefined],
      [34, "passed", undefined],
      [49, "passed", undefined],
      [60, "passed", undefined],
      [66, "passed", undefined],
      [74, "skipped", "needs a keyboard"],
      [81, "passed", undefined],
    ]);
    expect(summary(results)).toBe("8 passed, 0 failed, 1 skipped");
  });

  it("records what each block printed, stderr included", () => {
    expect(at(results, 18).output).toBe("Hello, block two!\n");
    expect(at(results, 81).output).toBe("[]\nto stderr\n");
  });
});

describe("the virtual clock", () => {
  let results: BlockResult[];
  beforeAll(async () => {
    results = await run("clock");
  });

  it("makes sleeps exact, every clock agree, and timers fire in order; realtime blocks sleep for real", () => {
    for (const result of results) expect(result, result.message).toMatchObject({ status: "passed" });
  });

  it("sleeps more than a day within the 10 s timeout, and counts the virtual seconds", () => {
    expect(results.map((result) => result.virtualSeconds)).toEqual([8, 86_401.5, 7.5, null]);
  });
});

describe("real I/O under the virtual clock", () => {
  let results: BlockResult[];
  beforeAll(async () => {
    results = await run("real-io");
  });

  it("waits for a child process, a socket and a thread instead of skipping past them", () => {
    for (const line of [6, 33, 68]) {
      const result = at(results, line);
      expect(result, result.message).toMatchObject({ status: "passed" });
      // The clock moved by about the time really waited (0.2 to 0.3 s each),
      // not by a jump to the timeout (1 s or more).
      expect(result.virtualSeconds).toBeGreaterThan(0.1);
      expect(result.virtualSeconds).toBeLessThan(1);
    }
  });

  it("lets a sleep wait for a Popen child, a thread or an executor job still at work, then jump the rest", () => {
    // [line, seconds slept]: time.sleep after Popen, a thread, an executor job; asyncio.sleep after Popen.
    for (const [line, slept] of [
      [91, 1],
      [108, 2],
      [130, 1],
      [150, 1],
    ] as const) {
      const result = at(results, line);
      expect(result, result.message).toMatchObject({ status: "passed" });
      // Really waited for the work (0.2 to 0.3 s), yet the clock moved by the sleep, not more.
      expect(result.realSeconds).toBeGreaterThanOrEqual(0.2);
      expect(result.virtualSeconds).toBeCloseTo(slept, 6);
    }
  });
});

describe("network blocks", () => {
  it("reach the example domains on a local fixture server, over HTTP and HTTPS, and nothing else", async ({ skip }) => {
    const results = await run("network");
    // Only where aiohttp could not be installed (never on CI, which treats it as a failure).
    if (at(results, 6).status === "skipped" && !process.env.CI) skip(at(results, 6).message);
    for (const result of results) expect(result, result.message).toMatchObject({ status: "passed" });
    // Network blocks run on the real clock.
    expect(at(results, 6).virtualSeconds).toBeNull();
  });

  it("are skipped, with the reason, when a module they need is missing; on CI that is a failure", async () => {
    const [skipped] = await run("missing-module");
    expect(skipped).toMatchObject({
      status: "skipped",
      message: expect.stringContaining(`needs the Python module "a_module_nobody_has", which ${python} cannot import`),
    });
    const [strict] = await run("missing-module", true);
    expect(strict).toMatchObject({ status: "failed", message: expect.stringContaining("CI must run every block") });
  });
});

describe("bad fences", () => {
  it("are an error naming the file and line", () => {
    expect(() => readBlocks(`${FIXTURES}/bad-setting.mdx`)).toThrow(ExtractError);
    expect(() => readBlocks(`${FIXTURES}/bad-setting.mdx`)).toThrow(
      `${FIXTURES}/bad-setting.mdx:11: unknown code block setting "continu".`,
    );
  });
});
