/**
 * Parsing and source-position helpers. The importer edits the raw text at the
 * offsets the parser reports instead of re-serializing the tree, so everything
 * it does not mean to change keeps the author's formatting byte for byte.
 */
import type { Heading, Nodes, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
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
