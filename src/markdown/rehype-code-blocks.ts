/**
 * Wraps every code listing in a container with a copy button. The button ships
 * `hidden` and is revealed by src/scripts/copy-code.js, so readers without
 * JavaScript never see a control that cannot work.
 */
import type { Element, Root } from "hast";
import { h } from "hastscript";
import { SKIP, visit } from "unist-util-visit";

export function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "pre" || parent === undefined || index === undefined) return;
      // Only code listings: output panels (<pre><samp>) hold no code to copy.
      if (!node.children.some((child) => child.type === "element" && child.tagName === "code")) return;
      const wrapper: Element = h("div", { className: ["code-block"] }, [
        node,
        h("button", { type: "button", className: ["copy-button"], hidden: true }, "Copy"),
      ]);
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
