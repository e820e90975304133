/** The limits both the importer and the content loader enforce before any parser sees a lesson. */
import { describe, expect, it } from "vitest";
import {
  MAX_LESSON_BYTES,
  MAX_NESTING,
  nestingProblem,
  sizeProblem,
  tagNestingProblem,
  textProblems,
} from "../../../src/lessons/limits";

const nested = (levels: number, line: (level: number) => string) =>
  Array.from({ length: levels }, (_, level) => line(level)).join("\n");

describe("lesson limits", () => {
  it.each([
    ["`>` quote markers run together", ">".repeat(MAX_NESTING + 1) + " deep"],
    ["`> ` quote markers with spaces", "> ".repeat(MAX_NESTING + 1) + "deep"],
    ["list markers on one line", "- ".repeat(MAX_NESTING + 1) + "deep"],
    ["ordered list markers on one line", "1. ".repeat(MAX_NESTING + 1) + "deep"],
    ["lists and quotes mixed", "> - ".repeat(Math.ceil((MAX_NESTING + 1) / 2)) + "deep"],
    ["lists nested by indentation", nested(MAX_NESTING + 1, (level) => `${"  ".repeat(level)}- item`)],
    ["lists nested by tabs", nested(MAX_NESTING + 1, (level) => `${"\t".repeat(level)}- item`)],
  ])("nesting past the limit is found: %s", (_, text) => {
    const problem = nestingProblem(`# Title\n\n${text}\n`);
    expect(problem?.message).toMatch(new RegExp(`nested \\d+ levels deep here, over the limit of ${MAX_NESTING}`));
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it("reports the first line that goes too deep", () => {
    const text = nested(MAX_NESTING + 5, (level) => `${"  ".repeat(level)}- item`);
    expect(nestingProblem(text)?.line).toBe(MAX_NESTING + 1);
  });

  it.each([
    ["nesting at the limit", "> ".repeat(MAX_NESTING) + "deep"],
    ["Python prompts", "```python\n>>> print(1)\n1\n```"],
    ["a thematic break", "- - -"],
    ["code indented 60 columns in a fence", "```python\n" + " ".repeat(60) + "pass\n```"],
  ])("ordinary text passes: %s", (_, text) => {
    expect(nestingProblem(text)).toBeUndefined();
  });

  it("scans a megabyte of `>` at once instead of recursing", () => {
    const started = performance.now();
    expect(nestingProblem(">".repeat(MAX_LESSON_BYTES))?.line).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses a file over 1 MiB, saying how big it is and what to do", () => {
    expect(sizeProblem(MAX_LESSON_BYTES)).toBeUndefined();
    expect(sizeProblem(MAX_LESSON_BYTES + 1)?.message).toBe(
      "the file is 1,048,577 bytes, over the limit of 1 MiB (1,048,576 bytes) per lesson; split it into several lessons",
    );
  });

  it("checks the size first: a huge file is not scanned", () => {
    expect(textProblems("> ".repeat(MAX_LESSON_BYTES))).toHaveLength(1);
    expect(textProblems("> ".repeat(MAX_LESSON_BYTES))[0]?.message).toMatch(/bytes, over the limit/);
  });
});

describe("HTML element nesting in MDX lessons", () => {
  const deepTags = (levels: number, tag = "sub") => `<${tag}>`.repeat(levels) + "x" + `</${tag}>`.repeat(levels);

  it.each([
    ["on one line", deepTags(MAX_NESTING + 1)],
    [
      "one element a line",
      Array(MAX_NESTING + 1)
        .fill("<details>")
        .join("\n") + "\n",
    ],
    ["after a look-alike fence indented as code", "    ```\n" + deepTags(MAX_NESTING + 1)],
  ])("elements nested past the limit are found: %s", (_, text) => {
    expect(tagNestingProblem(text)?.message).toMatch(
      /HTML elements are nested 33 levels deep here, over the limit of 32/,
    );
  });

  it.each([
    ["closed elements one after another", "<kbd>Ctrl</kbd> + <kbd>C</kbd>\n".repeat(100)],
    ["self-closing elements", "<br />\n".repeat(100)],
    ["generics in fenced code", "```java\n" + "List<Map<String, List<Integer>>> x;\n".repeat(50) + "```\n"],
    ["generics in a fence inside a list", "- item\n\n  ```ts\n" + "let x: Array<Promise<T>>;\n".repeat(50) + "  ```\n"],
    ["generics in inline code", "Use `List<String>` here.\n".repeat(50)],
    ["escaped angle brackets", "a \\<b and c\n".repeat(50)],
    ["nesting at the limit", deepTags(MAX_NESTING)],
  ])("ordinary MDX passes: %s", (_, text) => {
    expect(tagNestingProblem(text)).toBeUndefined();
  });

  it("reports the line where the nesting goes too deep", () => {
    expect(tagNestingProblem("# T\n\n" + Array(40).fill("<details>").join("\n"))?.line).toBe(2 + MAX_NESTING + 1);
  });

  it("scans a megabyte line of quotes and tags quickly", () => {
    const started = performance.now();
    tagNestingProblem("> ".repeat(MAX_LESSON_BYTES / 2));
    expect(tagNestingProblem("<a>".repeat(MAX_LESSON_BYTES / 3))?.line).toBe(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
