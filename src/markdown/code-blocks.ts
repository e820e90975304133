/**
 * Wraps every code listing in a container with a copy button. The button ships
 * `hidden` and is revealed by src/scripts/copy-code.js, so readers without
 * JavaScript never see a control that cannot work. A Sätteri hast plugin: it
 * runs after Shiki has highlighted the listing.
 */
import { h } from "hastscript";
import type { HastPluginDefinition } from "satteri";

export const codeBlocks: HastPluginDefinition = {
  name: "code-blocks",
  element: {
    filter: ["pre"],
    visit(node, ctx) {
      // Only code listings: output panels (<pre><samp>) hold no code to copy.
      if (!node.children.some((child) => child.type === "element" && child.tagName === "code")) return;
      // The wrapper's own children (the button) are kept after the listing.
      ctx.wrapNode(
        node,
        h("div", { className: ["code-block"] }, [
          h("button", { type: "button", className: ["copy-button"], hidden: true }, "Copy"),
        ]),
      );
    },
  },
};
