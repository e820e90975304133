/** Edits that several steps make: delete a node, unwrap a link. */
import type { Link, LinkReference, Nodes, Parents, RootContent } from "mdast";
import type { Edit } from "../edits";
import { blockRange, endOf, startOf } from "../markdown";

/** Deletes a node; a top-level block goes with its line and the blank lines after it. */
export function deleteNode(text: string, node: Nodes, parent: Parents | undefined): Edit {
  const [start, end] = parent?.type === "root" ? blockRange(text, node as RootContent) : [startOf(node), endOf(node)];
  return { start, end, text: "" };
}

/** Keeps a link's text and drops its brackets and target (or the whole link when it has no text). */
export function unwrapLink(link: Link | LinkReference): Edit[] {
  const first = link.children[0];
  const last = link.children.at(-1);
  if (first === undefined || last === undefined) return [{ start: startOf(link), end: endOf(link), text: "" }];
  return [
    { start: startOf(link), end: startOf(first), text: "" },
    { start: endOf(last), end: endOf(link), text: "" },
  ];
}
