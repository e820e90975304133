/**
 * Prose (each text node's source): drop a heading's trailing colon and
 * references to other courses' numbered lessons, escape "{", "}", "<", ">"
 * that MDX would read as JSX or expressions, and hide an ESM-looking first
 * word (see esm.ts).
 */
import type { Text } from "mdast";
import { escapeMdx } from "../escape";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { dropForeignReferences } from "../references";
import { HIDE_ESM_REPAIR, hideEsm } from "./esm";
import type { NodeStep, Repair } from "./step";

export const ESCAPE_REPAIR = "escaped {, }, < or > that MDX would read as code";

export const rewriteProseStep: NodeStep<Text> = (node, { text, headingEnds, esmStarts }) => {
  const line = lineOf(node);
  const source = sourceOf(text, node);
  const rewritten = rewriteProse(source, headingEnds.has(node));
  const repairs: Repair[] = [];
  if (esmStarts.has(startOf(node))) {
    rewritten.text = hideEsm(rewritten.text);
    repairs.push({ message: HIDE_ESM_REPAIR, line });
  }
  if (rewritten.strippedColon) repairs.push({ message: "removed the trailing colon from headings", line });
  if (rewritten.escapes > 0) repairs.push({ message: ESCAPE_REPAIR, line });
  return {
    edits: rewritten.text === source ? [] : [{ start: startOf(node), end: endOf(node), text: rewritten.text }],
    notes: [
      ...rewritten.dropped.map((dropped) => ({
        kind: "removed" as const,
        message: `"${dropped}": that lesson is not on this site`,
        line,
      })),
      ...rewritten.leftover.map((mention) => ({
        kind: "warning" as const,
        message: `mentions "${mention}", which is not on this site; reword it`,
        line,
      })),
    ],
    repairs,
  };
};

/**
 * The source of one text node, rewritten: a heading's trailing colon dropped,
 * references to other courses' lessons dropped, and MDX's special characters
 * escaped. Escaping leaves alone what a text node's source holds besides its
 * text: a paragraph continuing inside a quote or list repeats the container's
 * "> " or indentation at the start of each line.
 */
export function rewriteProse(source: string, endsHeading: boolean) {
  const strippedColon = endsHeading && /:\s*$/.test(source);
  const references = dropForeignReferences(strippedColon ? source.replace(/\s*:\s*$/, "") : source);
  const { text, escapes } = escapeProseLines(references.text);
  return { text, strippedColon, escapes, dropped: references.dropped, leftover: references.leftover };
}

/** MDX's special characters escaped in source that may continue inside a quote or list (its "> " or indentation kept). */
export function escapeProseLines(source: string): { text: string; escapes: number } {
  let escapes = 0;
  const text = source
    .split("\n")
    .map((line, i) => {
      const prefix = i === 0 ? "" : (/^[ \t>]*/.exec(line)?.[0] ?? "");
      const escaped = escapeMdx(line.slice(prefix.length));
      escapes += escaped.count;
      return prefix + escaped.text;
    })
    .join("\n");
  return { text, escapes };
}
