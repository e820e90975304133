/** Raw HTML: MDX allows no comments and would read the rest as JSX. */
import type { Html } from "mdast";
import { escapeMdx } from "../escape";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { deleteNode } from "./node-edits";
import type { NodeStep } from "./step";

export const rawHtmlStep: NodeStep<Html> = (node, { text }, parent) => {
  const line = lineOf(node);
  if (/^\s*<!--/.test(node.value)) {
    return {
      edits: [deleteNode(text, node, parent)],
      notes: [{ kind: "removed", message: "HTML comment (MDX does not allow them)", line }],
    };
  }
  return {
    edits: [{ start: startOf(node), end: endOf(node), text: escapeMdx(sourceOf(text, node)).text }],
    notes: [
      {
        kind: "warning",
        message: "raw HTML is shown as text (MDX would read it as JSX); rewrite it in Markdown",
        line,
      },
    ],
  };
};
