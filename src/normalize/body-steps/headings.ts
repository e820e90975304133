/**
 * Headings: shift their levels so the body starts at H2 (the page renders the
 * title as the only H1). Their trailing colons are dropped with the prose
 * (see prose.ts), which needs to know where each heading's text ends.
 */
import type { Heading, Nodes, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import type { NodeStep, StepResult } from "./step";

/** How far to shift every kept heading, and the text node each one ends with. */
export function headingPlan(
  tree: Root,
  isRemoved: (node: Nodes) => boolean,
): { shift: number; headingEnds: Set<Text> } {
  const headings: Heading[] = [];
  visit(tree, "heading", (heading) => {
    if (!isRemoved(heading)) headings.push(heading);
  });
  const shift = headings.length === 0 ? 0 : 2 - Math.min(...headings.map((h) => h.depth));
  const headingEnds = new Set(headings.map(lastText).filter((node) => node !== undefined));
  return { shift, headingEnds };
}

/** The deepest last text of a heading, which carries a trailing colon if there is one. */
function lastText(heading: Heading): Text | undefined {
  let node: Nodes = heading;
  while ("children" in node && node.children.length > 0) node = node.children.at(-1) as Nodes;
  return node.type === "text" ? node : undefined;
}

export const shiftHeadingStep: NodeStep<Heading> = (heading, { text, headingShift }) =>
  headingShift === 0 ? undefined : shiftHeading(text, heading, headingShift);

/** One heading `shift` levels deeper (at most H6), ATX or one-line setext. */
export function shiftHeading(text: string, heading: Heading, shift: number): StepResult {
  const depth = Math.min(6, heading.depth + shift);
  const start = startOf(heading);
  const atx = /^( {0,3})(#{1,6})/.exec(sourceOf(text, heading));
  if (atx) {
    const marks = start + (atx[1]?.length ?? 0);
    return { edits: [{ start: marks, end: marks + (atx[2]?.length ?? 0), text: "#".repeat(depth) }] };
  }
  // Setext ("Title\n====="): rewrite as ATX when the title is one line.
  const first = heading.children[0];
  const last = heading.children.at(-1);
  if (first === undefined || last === undefined || first.position?.start.line !== last.position?.end.line) {
    return {
      notes: [
        {
          kind: "warning",
          message: `could not change the level of this multi-line heading to H${depth}`,
          line: lineOf(heading),
        },
      ],
    };
  }
  return {
    edits: [
      { start, end: start, text: `${"#".repeat(depth)} ` },
      { start: endOf(last), end: endOf(heading), text: "" },
    ],
  };
}
