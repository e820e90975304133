import { describe, expect, it } from "vitest";
import { extractBlocks } from "../../../src/codeblocks/extract";
import type { BlockResult } from "../../../src/codeblocks/run";
import { unstableOutputs, updatedText } from "../../../src/codeblocks/update";

const FILE = "lesson.mdx";

/** Results as if each block had printed `printed[i]` (undefined: it did not run to its end). */
function update(text: string, printed: (string | undefined)[]) {
  const results = extractBlocks(text, FILE).map((block, index): BlockResult => ({
    block,
    status: "failed",
    ...(printed[index] !== undefined && { output: printed[index] }),
    realSeconds: 0,
    virtualSeconds: 0,
  }));
  return updatedText(text, results);
}

describe("updatedText", () => {
  it("rewrites an output block that differs, and keeps one that matches through ...", () => {
    const text = [
      "```python",
      "print(1)",
      "```",
      "",
      "```output",
      "old",
      "```",
      "",
      "```python",
      "print(object())",
      "```",
      "",
      "```output",
      "<object object at 0x...>",
      "```",
      "",
    ].join("\n");
    const { text: updated, changed } = update(text, ["1\n", "<object object at 0x7f00>\n"]);
    expect(updated).toBe(text.replace("old", "1"));
    expect(changed.map((block) => block.name)).toEqual(["lesson.mdx:1-3"]);
  });

  it("adds a missing output block, indented like its code, and removes one for a block that prints nothing", () => {
    const text = [
      "- Step:",
      "",
      "  ```python",
      "  print('a')",
      "  ```",
      "",
      "```python",
      "x = 1",
      "```",
      "",
      "```output",
      "1",
      "```",
      "",
    ].join("\n");
    const { text: updated } = update(text, ["a\n  b \n", ""]);
    expect(updated).toBe(
      [
        "- Step:",
        "",
        "  ```python",
        "  print('a')",
        "  ```",
        "",
        "  ```output",
        "  a",
        "    b",
        "  ```",
        "",
        "```python",
        "x = 1",
        "```",
        "",
      ].join("\n"),
    );
  });

  it("leaves blocks that did not run to their end alone", () => {
    const text = "```python\nprint(1)\n```\n\n```output\nold\n```\n";
    expect(update(text, [undefined])).toEqual({ text, changed: [] });
  });

  it("uses a longer fence when the output holds backticks", () => {
    const text = "```python\nprint('```')\n```\n";
    expect(update(text, ["```\n"]).text).toBe("```python\nprint('```')\n```\n\n````output\n```\n````\n");
  });
});

describe("unstableOutputs", () => {
  const text = [
    "```python",
    "print(1)",
    "```",
    "",
    "```python",
    "print(2)",
    "```",
    "",
    "```output",
    "id ...",
    "```",
    "",
  ].join("\n");
  const run = (printed: (string | undefined)[]) =>
    extractBlocks(text, FILE).map((block, index): BlockResult => ({
      block,
      status: "passed",
      ...(printed[index] !== undefined && { output: printed[index] }),
      realSeconds: 0,
      virtualSeconds: 0,
    }));

  it("names a block whose two runs differ, with the differing lines, and suggests ...", () => {
    const found = unstableOutputs(run(["winner: ann\nsame\n", "id 1\n"]), run(["winner: bo\nsame\nextra\n", "id 2\n"]));
    expect(found.map(({ block }) => block.name)).toEqual(["lesson.mdx:1-3"]);
    expect(found[0]!.message).toBe(
      "lesson.mdx:1-3: not updated: two runs printed different output:\n" +
        '    output line 1: first run "winner: ann", second run "winner: bo"\n' +
        '    output line 3: first run (no line), second run "extra"\n' +
        '  Write the output block by hand with ... for the part that varies (e.g. "winner: ..."), ' +
        "or make the block print the same every time (random.seed(0), a fixed date).",
    );
  });

  it("accepts the same output twice, and output that differs only where the block's ... allows", () => {
    expect(unstableOutputs(run(["a\n", "id 1\n"]), run(["a\n", "id 2\n"]))).toEqual([]);
  });

  it("refuses a block that ran to its end once and failed the second time", () => {
    expect(unstableOutputs(run(["a\n", "id 1\n"]), run(["a\n", undefined])).map(({ block }) => block.name)).toEqual([
      "lesson.mdx:5-7",
    ]);
  });
});
