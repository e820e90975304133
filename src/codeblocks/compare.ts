/**
 * Compares what a block printed with its output block: exactly, after
 * trimming trailing whitespace, where `...` on a line of the expected output
 * matches any text on that line (doctest's ELLIPSIS, kept within one line so
 * that a missing line is always noticed).
 */
import { createTwoFilesPatch } from "diff";

export const ELLIPSIS = "...";

/** Trailing whitespace of every line and trailing blank lines removed; CRLF read as LF. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function lineMatches(expected: string, actual: string): boolean {
  if (!expected.includes(ELLIPSIS)) return expected === actual;
  const pattern = expected.split(ELLIPSIS).map(escapeRegExp).join(".*");
  return new RegExp(`^${pattern}$`).test(actual);
}

export function outputMatches(expected: string, actual: string): boolean {
  const expectedLines = normalizeOutput(expected).split("\n");
  const actualLines = normalizeOutput(actual).split("\n");
  return (
    expectedLines.length === actualLines.length &&
    expectedLines.every((line, index) => lineMatches(line, actualLines[index]!))
  );
}

/** A unified diff from the expected to the actual output, both normalized. */
export function outputDiff(expected: string, actual: string, expectedLabel: string, actualLabel: string): string {
  const patch = createTwoFilesPatch(
    expectedLabel,
    actualLabel,
    `${normalizeOutput(expected)}\n`,
    `${normalizeOutput(actual)}\n`,
  );
  // Drop the "=====" separator line the library puts first.
  return patch.replace(/^=+\n/, "").trimEnd();
}
