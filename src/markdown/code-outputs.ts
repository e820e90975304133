/**
 * Shows what the tests checked, under each Python block:
 *
 * - its ```output block becomes a labelled "Output" panel: a <figure> whose
 *   <figcaption> names it for screen readers, with the text in <pre><samp>
 *   (sample output, not code: no highlighting, no copy button);
 * - a block that must raise shows the exception's last line, as Python would;
 * - a skipped block says that it was not run, and why;
 * - a block the reader's browser cannot run says so, and why (code-runs.ts,
 *   which also plans the Run controls that code-blocks.ts adds).
 *
 * Settings are read by the same parser as the test runner's, so a typo in a
 * fence fails the build with the file and line.
 */
import { h } from "hastscript";
import type { Code, Paragraph } from "mdast";
import type {} from "mdast-util-to-hast";
import type { MdastPluginDefinition, MdastVisitorContext } from "satteri";
import { OUTPUT_LANGUAGE, RUN_LANGUAGE } from "../codeblocks/extract";
import { parseSettings, SettingsError, type BlockSettings } from "../codeblocks/settings";
import { planRun, runNote } from "./code-runs";
import { problemError } from "./lesson-error";

/**
 * The panel is carried by a paragraph node whose `data` makes the mdast-to-hast
 * step emit a <figure> with the given children instead: a standard node type,
 * so no module augmentation of mdast leaks into other code that walks trees.
 */
type OutputPanel = Paragraph & { data: { hName: "figure" } };

function exceptionLines({ raises }: BlockSettings): string {
  if (!raises) return "";
  const last = raises.message === undefined ? raises.type : `${raises.type}: ${raises.message}`;
  return `Traceback (most recent call last):\n  ...\n${last}`;
}

function outputPanel(settings: BlockSettings, output: Code | undefined): OutputPanel | undefined {
  const printed = output?.value.trimEnd() ?? "";
  const text = [printed, exceptionLines(settings)].filter(Boolean).join("\n");
  if (!text) return undefined;
  const caption = settings.network
    ? ["Output ", h("span", { className: ["code-output-note"] }, "(from a local test server standing in for the web)")]
    : ["Output"];
  return {
    type: "paragraph",
    children: [],
    data: {
      hName: "figure",
      // Search indexes the lessons' prose and code, not program output.
      hProperties: { className: ["code-output"], dataPagefindIgnore: "" },
      hChildren: [
        h("figcaption", caption),
        // tabindex: keyboard users can scroll a wide output sideways.
        h("pre", { className: ["code-output-text"], tabIndex: 0 }, [h("samp", text)]),
      ],
    },
  };
}

function skipNote(reason: string): Paragraph {
  return {
    type: "paragraph",
    data: { hProperties: { className: ["code-skipped"] } },
    children: [
      { type: "strong", children: [{ type: "text", value: "Not run by the tests:" }] },
      { type: "text", value: ` ${reason}` },
    ],
  };
}

/** The node `step` places after (1) or before (-1) `node` among its parent's children. */
function sibling(node: Code, step: 1 | -1, ctx: MdastVisitorContext) {
  const index = ctx.indexOf(node);
  return index === undefined ? undefined : ctx.parent(node).children[index + step];
}

const isCode = (node: unknown, lang: string): node is Code =>
  (node as Code | undefined)?.type === "code" && (node as Code).lang === lang;

/** The Sätteri mdast plugin (after the lesson-safety check). */
export const codeOutputs: MdastPluginDefinition = {
  name: "code-outputs",
  // Errors name the fence's line.
  options: { position: true },
  code(node, ctx) {
    if (node.lang === OUTPUT_LANGUAGE && !isCode(sibling(node, -1, ctx), RUN_LANGUAGE)) {
      throw problemError(ctx.fileURL, {
        position: node.position,
        message: `This output block does not directly follow a \`\`\`${RUN_LANGUAGE} block.`,
      });
    }
    if (node.lang !== RUN_LANGUAGE) return;

    let settings: BlockSettings;
    try {
      settings = parseSettings(node.meta);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      throw problemError(ctx.fileURL, { position: node.position, message: `Code block settings: ${error.message}` });
    }
    const next = sibling(node, 1, ctx);
    const output = isCode(next, OUTPUT_LANGUAGE) ? next : undefined;
    const added: Paragraph[] = [];
    if (settings.skip !== undefined) added.push(skipNote(settings.skip));
    const panel = outputPanel(settings, output);
    if (panel) added.push(panel);
    // After the verified output, which stays right under its code.
    const note = runNote(planRun(ctx.data, node.value, settings), settings);
    if (note) added.push(note);
    // Mutations apply after the walk: the output node is still visited (and passes the check above).
    if (output) ctx.replaceNode(output, added);
    else if (added.length > 0) ctx.insertAfter(node, added);
  },
};
