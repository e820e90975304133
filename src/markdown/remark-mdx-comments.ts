/**
 * MDX comments, `{/* ... *\/}`, are how a lesson keeps notes for its editors
 * (the importer writes HTML comments and unresolved prerequisites as such).
 * To MDX they are expressions, which the lesson-safety check refuses; this
 * plugin runs just before it and removes the expressions that are nothing but
 * comments, so they never reach the page and nothing runs. Every other
 * expression is left for the safety check to refuse.
 */
import type { Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";

/** Only block comments and whitespace, with no comment end inside a comment. */
const ONLY_COMMENTS = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)+$/;

/** The parser's program for the expression (MDX parses every expression with acorn). */
interface Program {
  type: string;
  body: unknown[];
  comments?: unknown[];
}

export function isCommentOnly(value: string, estree: Program | undefined): boolean {
  if (!ONLY_COMMENTS.test(value)) return false;
  // Without the parser's program the text alone cannot tell; leave the node to the safety check.
  return estree !== undefined && estree.type === "Program" && estree.body.length === 0;
}

export function remarkMdxComments() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== "mdxFlowExpression" && node.type !== "mdxTextExpression") return;
      const estree = (node.data as { estree?: Program } | undefined)?.estree;
      if (parent === undefined || index === undefined || !isCommentOnly(node.value, estree)) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
