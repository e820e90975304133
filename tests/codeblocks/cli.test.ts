/**
 * `npm run test:blocks` end to end, on a throwaway lesson: the summary line,
 * the exit status, and --update rewriting output blocks only when asked.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "lesson-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lesson = [
  "# A lesson",
  "",
  "```python",
  'print("new")',
  "```",
  "",
  "```output",
  "old",
  "```",
  "",
  "```python",
  "import time",
  "",
  "time.sleep(100)",
  'print("slept")',
  "```",
  "",
].join("\n");

function testBlocks(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/codeblocks/cli.ts"), ...args],
    { cwd: dir, encoding: "utf8", env: { ...process.env, PYTHON: inject("python"), CI: "" }, timeout: 60_000 },
  );
  const lines = result.stdout.trimEnd().split("\n");
  return { status: result.status, output: result.stdout, last: lines.at(-1) };
}

describe("npm run test:blocks", () => {
  it("reports each block and ends with the counts; exit status 1 on failure; files untouched", () => {
    writeFileSync(join(dir, "lesson.mdx"), lesson);
    const run = testBlocks("lesson.mdx");
    expect(run.status).toBe(1);
    expect(run.output).toContain("✗ lesson.mdx:3-5");
    expect(run.output).toContain("-old");
    expect(run.output).toContain("✗ lesson.mdx:11-16");
    expect(run.last).toBe("0 passed, 2 failed, 0 skipped");
    expect(readFileSync(join(dir, "lesson.mdx"), "utf8")).toBe(lesson);
  });

  it("--update writes the outputs, after which every block passes", () => {
    const update = testBlocks("--update", "lesson.mdx");
    expect(update.output).toContain("Updated 2 output block(s) in lesson.mdx.");
    expect(update.last).toBe("2 passed, 0 failed, 0 skipped");
    expect(update.status).toBe(0);
    const updated = readFileSync(join(dir, "lesson.mdx"), "utf8");
    expect(updated).toBe(
      lesson.replace("old", "new").replace('print("slept")\n```\n', 'print("slept")\n```\n\n```output\nslept\n```\n'),
    );

    const again = testBlocks("lesson.mdx");
    expect(again.last).toBe("2 passed, 0 failed, 0 skipped");
    expect(again.status).toBe(0);
  });

  it("names the file and line of a bad fence", () => {
    writeFileSync(join(dir, "typo.mdx"), "```python contineu\nprint(1)\n```\n");
    const run = testBlocks("typo.mdx");
    expect(run.output).toContain('✗ typo.mdx:1: unknown code block setting "contineu"');
    expect(run.last).toBe("0 passed, 1 failed, 0 skipped");
    expect(run.status).toBe(1);
  });
});
