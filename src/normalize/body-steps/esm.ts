/**
 * Keep a paragraph whose first line starts with "import " or "export " from
 * becoming MDX ESM (JavaScript the build would run): fence it as Python when
 * it looks like Python, else write its first letter as a character reference
 * (done with the rest of its prose, see prose.ts).
 */
import type { Paragraph, Root, RootContent } from "mdast";
import { guessLanguage } from "../fences";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { fenced } from "./code";
import type { NodeStep } from "./step";

/** Where top-level blocks start that MDX would read as ESM. */
export function esmStarts(tree: Root, text: string): Set<number> {
  return new Set(tree.children.filter((block) => looksLikeEsm(text, block)).map(startOf));
}

/**
 * MDX reads a line as ESM (JavaScript, run by the build) when it starts a
 * top-level block at column 1 with "import " or "export " (one space, see
 * micromark-extension-mdxjs-esm); anywhere else such a line is text.
 */
function looksLikeEsm(text: string, block: RootContent): boolean {
  return block.position?.start.column === 1 && /^(?:import|export) /.test(sourceOf(text, block));
}

/** An ESM-looking paragraph that is Python goes into a python fence, children and all. */
export const fenceEsmPythonStep: NodeStep<Paragraph> = (paragraph, { text, esmStarts }, parent) => {
  if (parent?.type !== "root" || !esmStarts.has(startOf(paragraph))) return undefined;
  const source = sourceOf(text, paragraph);
  if (guessLanguage(source) !== "python") return undefined;
  return {
    edits: [{ start: startOf(paragraph), end: endOf(paragraph), text: fenced(source, "python") }],
    notes: [
      {
        kind: "warning",
        message: `a paragraph starting with "${firstLine(source)}" looked like unfenced Python: fenced it as python code (MDX would run a line starting with "${source.slice(0, 6)} " as JavaScript); check that the fence holds only code`,
        line: lineOf(paragraph),
      },
    ],
    skip: true,
  };
};

/** "import x" -> "&#105;mport x": the same text to readers, not an ESM line to MDX. */
export function hideEsm(prose: string): string {
  return `&#${prose.codePointAt(0)};${prose.slice(1)}`;
}

export const HIDE_ESM_REPAIR = `wrote the first letter of a line starting with "import " or "export " as a character reference (MDX would run the line as JavaScript)`;

function firstLine(source: string): string {
  const line = source.split("\n", 1)[0] ?? "";
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}
