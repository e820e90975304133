import { describe, expect, it } from "vitest";
import { normalizeOutput, outputDiff, outputMatches } from "../../../src/codeblocks/compare";

describe("outputMatches", () => {
  it("compares exactly, after trimming trailing whitespace", () => {
    expect(outputMatches("a\nb\n", "a  \nb\n\n\n")).toBe(true);
    expect(outputMatches("a\r\nb", "a\nb")).toBe(true);
    expect(outputMatches("a\nb", "a\nB")).toBe(false);
    expect(outputMatches(" a", "a")).toBe(false);
    expect(outputMatches("", "")).toBe(true);
    expect(outputMatches("", "x")).toBe(false);
  });

  it("lets ... match any text within its line", () => {
    expect(outputMatches("<object at 0x...>", "<object at 0x7f3a2c>")).toBe(true);
    expect(outputMatches("took ... s", "took 0.0123 s")).toBe(true);
    expect(outputMatches("...", "")).toBe(true);
    // The text around an ellipsis may not overlap.
    expect(outputMatches("ab...ba", "aba")).toBe(false);
  });

  it("never lets ... swallow a line", () => {
    expect(outputMatches("start...\nend", "start\nmissing\nend")).toBe(false);
    expect(outputMatches("...", "one\ntwo")).toBe(false);
  });

  it("treats regular-expression characters literally", () => {
    expect(outputMatches("[1, 2] (x)*", "[1, 2] (x)*")).toBe(true);
    expect(outputMatches("a.c", "abc")).toBe(false);
  });
});

describe("outputDiff", () => {
  it("is a unified diff from expected to actual", () => {
    expect(outputDiff("same\nold\n", "same\nnew  \n", "expected", "actual")).toBe(
      ["--- expected", "+++ actual", "@@ -1,2 +1,2 @@", " same", "-old", "+new"].join("\n"),
    );
  });

  it("normalizes before comparing", () => {
    expect(normalizeOutput("x \n\n")).toBe("x");
  });
});
