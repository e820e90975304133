/**
 * Output the author shows under a code block: a short label paragraph
 * ("Output:", "Expected output:", "This prints:") right after a Python block,
 * then an untagged (or plain-text) fence. That fence becomes the block's
 * ```output block, which the tests check and the page shows as an Output
 * panel, and the label goes (the panel says "Output").
 */
import type { Code, Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { guessLanguage } from "../fences";
import { blockRange, lineOf } from "../markdown";
import type { Note } from "../notes";
import type { Range } from "./removed";

/** Labels authors put between code and its output, compared without case and trailing ":" or "…". */
const OUTPUT_LABEL =
  /^(?:(?:the |expected |sample |example |its |program )?output(?: is| will be)?|(?:this|it|that|which|the code|this code|the program|running (?:it|this)) (?:will )?(?:prints?|outputs?|shows?|gives?|displays?)|prints?|result|you(?:'ll| will| should) see)$/i;

/** Fence languages that mean "plain text", which an author uses for output. */
const PLAIN = new Set(["", "text", "txt", "plaintext", "console", "output", "shell-session"]);

export interface OutputPlan {
  /** Fences that become ```output blocks. */
  outputFences: ReadonlySet<Code>;
  /** The label paragraphs, deleted with their blank lines. */
  ranges: Range[];
  notes: Note[];
}

/** The fence a code block will have once untagged fences are tagged: only Python blocks are run and checked. */
const isPython = (code: Code) => (code.lang ?? guessLanguage(code.value)) === "python";

export function isOutputLabel(paragraph: Paragraph): boolean {
  const words = toString(paragraph)
    .trim()
    .replace(/\s*[:：…]+$|\.{3}$/, "")
    .replace(/\s+/g, " ");
  return OUTPUT_LABEL.test(words);
}

export function outputPlan(tree: Root, text: string): OutputPlan {
  const outputFences = new Set<Code>();
  const ranges: Range[] = [];
  const notes: Note[] = [];
  tree.children.forEach((node, index) => {
    const label = tree.children[index + 1];
    const output = tree.children[index + 2];
    if (node.type !== "code" || !isPython(node) || label?.type !== "paragraph" || output?.type !== "code") return;
    if (!isOutputLabel(label) || !PLAIN.has((output.lang ?? "").toLowerCase())) return;
    outputFences.add(output);
    ranges.push(blockRange(text, label));
    notes.push({
      kind: "repaired",
      message: `"${toString(label).trim()}" and the fence after it became the code's \`\`\`output block (checked by npm test)`,
      line: lineOf(label),
    });
  });
  return { outputFences, ranges, notes };
}
