/**
 * Wraps every code listing in a container with a copy button, and gives each
 * Python listing the browser can run its Run / Edit controls (planned by
 * code-runs.ts). The controls ship `hidden` and are revealed by
 * src/scripts/code-blocks.js, so readers without JavaScript never see a
 * control that cannot work. A Sätteri hast plugin: it runs after Shiki has
 * highlighted the listing.
 */
import { h } from "hastscript";
import type { Element } from "hast";
import type { HastPluginDefinition } from "satteri";
import { RUN_LANGUAGE } from "../codeblocks/extract";
import { runAttributes, runControls, takeRun } from "./code-runs";

/** Shiki marks a listing's language on its <pre>. */
function language(node: Element): unknown {
  return node.properties?.dataLanguage ?? node.properties?.["data-language"];
}

export const codeBlocks: HastPluginDefinition = {
  name: "code-blocks",
  element: {
    filter: ["pre"],
    visit(node, ctx) {
      // Only code listings: output panels (<pre><samp>) hold no code to copy.
      if (!node.children.some((child) => child.type === "element" && child.tagName === "code")) return;
      const plan =
        language(node) === RUN_LANGUAGE
          ? takeRun(ctx.data, ctx.textContent(node), ctx.fileURL?.pathname ?? "a lesson")
          : undefined;
      // The wrapper's own children (the buttons) are kept after the listing.
      ctx.wrapNode(
        node,
        h("div", { className: ["code-block"], ...(plan && runAttributes(plan)) }, [
          h("button", { type: "button", className: ["copy-button"], hidden: true }, "Copy"),
          ...(plan ? runControls(plan) : []),
        ]),
      );
    },
  },
};
