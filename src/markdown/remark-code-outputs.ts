/**
 * Shows what the tests checked, under each Python block:
 *
 * - its ```output block becomes a labelled "Output" panel: a <figure> whose
 *   <figcaption> names it for screen readers, with the text in <pre><samp>
 *   (sample output, not code: no highlighting, no copy button);
 * - a block that must raise shows the exception's last line, as Python would;
 * - a skipped block says that it was not run, and why.
 *
 * Settings are read by the same parser as the test runner's, so a typo in a
 * fence fails the build with the file and line.
 */
import { h } from "hastscript";
import type { BlockContent, Code, Paragraph, Root } from "mdast";
import type {} from "mdast-util-to-hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { OUTPUT_LANGUAGE, RUN_LANGUAGE } from "../codeblocks/extract";
import { parseSettings, SettingsError, type BlockSettings } from "../codeblocks/settings";

/**
 * The panel is carried by a paragraph node whose `data` makes remark-rehype
 * emit a <figure> with the given children instead: a standard node type, so
 * no module augmentation of mdast leaks into other code that walks trees.
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

export function remarkCodeOutputs() {
  return (tree: Root, file: VFile) => {
    visit(tree, "code", (node, index, parent) => {
      if (index === undefined || parent === undefined) return;
      const previous = parent.children[index - 1];
      if (node.lang === OUTPUT_LANGUAGE && !(previous?.type === "code" && previous.lang === RUN_LANGUAGE)) {
        file.fail(`This output block does not directly follow a \`\`\`${RUN_LANGUAGE} block.`, {
          place: node.position,
        });
      }
      if (node.lang !== RUN_LANGUAGE) return;

      let settings: BlockSettings;
      try {
        settings = parseSettings(node.meta);
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        file.fail(`Code block settings: ${error.message}`, { place: node.position });
      }
      const next = parent.children[index + 1];
      const output = next?.type === "code" && next.lang === OUTPUT_LANGUAGE ? next : undefined;
      const added: BlockContent[] = [];
      if (settings.skip !== undefined) added.push(skipNote(settings.skip));
      const panel = outputPanel(settings, output);
      if (panel) added.push(panel);
      parent.children.splice(index + 1, output ? 1 : 0, ...added);
      return [SKIP, index + 1 + added.length];
    });
  };
}
