/**
 * Parsing and source-position helpers. The importer edits the raw text at the
 * offsets the parser reports instead of re-serializing the tree, so everything
 * it does not mean to change keeps the author's formatting byte for byte.
 */
import type { Heading, Nodes, Parents, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

export function parseMarkdown(text: string): Root {
  const root = parser.parse(text);
  fillPositions(root);
  return root;
}

/**
 * A few nodes come from the parser without a position: GFM's autolink
 * literal splits text after parsing and leaves the pieces unplaced (the ">" of
 * `<www.example.org>`). Each such node gets the span between its placed
 * neighbours (or its parent's edges), so the importer can still edit around it.
 */
function fillPositions(root: Root): void {
  visit(root, (node) => {
    if (!("children" in node) || !node.position) return;
    const parent = node as Parents;
    parent.children.forEach((child, index) => {
      if (child.position) return;
      const previous = parent.children[index - 1]?.position?.end ?? parent.position!.start;
      const next = parent.children.slice(index + 1).find((sibling) => sibling.position)?.position?.start;
      child.position = { start: { ...previous }, end: { ...(next ?? parent.position!.end) } };
    });
  });
}

/** Start offset of a parsed node; nodes straight from the parser always have one. */
export function startOf(node: Nodes): number {
  const offset = node.position?.start.offset;
  if (offset === undefined) throw new Error(`internal: ${node.type} node without a position`);
  return offset;
}

export function endOf(node: Nodes): number {
  const offset = node.position?.end.offset;
  if (offset === undefined) throw new Error(`internal: ${node.type} node without a position`);
  return offset;
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

export function sourceOf(text: string, node: Nodes): string {
  return text.slice(startOf(node), endOf(node));
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * Range covering a top-level block and the blank lines after it, so removing
 * it leaves no run of empty lines behind.
 */
export function blockRange(text: string, node: RootContent): [number, number] {
  return [lineStart(text, startOf(node)), skipBlankLines(text, endOf(node))];
}

/** Range covering the whole lines a node spans, including the final line break. */
export function lineRange(text: string, node: Nodes): [number, number] {
  const lineEnd = text.indexOf("\n", endOf(node));
  return [lineStart(text, startOf(node)), lineEnd === -1 ? text.length : lineEnd + 1];
}

/** Offset of the first non-blank line at or after `offset`'s line end. */
function skipBlankLines(text: string, offset: number): number {
  const rest = /^[^\n]*\n(?:[ \t]*\n)*/.exec(text.slice(offset));
  return rest ? offset + rest[0].length : text.length;
}

/** Plain heading text, whitespace collapsed. */
export function headingText(heading: Heading): string {
  return toString(heading).replace(/\s+/g, " ").trim();
}
