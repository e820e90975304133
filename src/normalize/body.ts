/**
 * Turns the source body into an MDX body by targeted edits at parser
 * positions. The steps, in order (each in body-steps/, with why it is needed):
 * - remove the blocks that became frontmatter (given by the caller), and lines
 *   that are nothing but dead navigation links ("🔗 [Back to TOC](./toc.md)")
 *   (removed.ts);
 * - then, node by node in document order (walk.ts):
 *   - shift heading levels so the body starts at H2 (headings.ts);
 *   - fence as Python a paragraph that MDX would read as ESM and that looks
 *     like Python (esm.ts);
 *   - rewrite prose: drop trailing colons from headings and references to
 *     other courses' numbered lessons, escape "{", "}", "<", ">", write an
 *     ESM-looking first letter as a character reference (prose.ts);
 *   - tag untagged code fences, and fence indented code (code.ts); a fence
 *     shown as a Python block's output under a label such as "Output:"
 *     becomes its ```output block, the label goes (outputs.ts);
 *   - HTML comments become MDX comments, safe elements (details, summary,
 *     kbd, br, sub, sup...) stay HTML, other raw HTML is shown as text (html.ts);
 *   - turn <url> autolinks into bare URLs, unwrap unsafe and dead links and
 *     drop such definitions, rewrite links to known lessons (link-steps.ts);
 *   - point local images at their copy next to the lesson, replace unsafe
 *     and missing ones by their alt text, escape alt text (images.ts, assets.ts);
 * - apply the edits and report each kind of repair once (finish.ts).
 */
import type { Root } from "mdast";
import { finishBody } from "./body-steps/finish";
import { fenceCodeStep } from "./body-steps/code";
import { esmStarts, fenceEsmPythonStep } from "./body-steps/esm";
import { headingPlan, shiftHeadingStep } from "./body-steps/headings";
import { assetPlan, type AssetPlan } from "./body-steps/assets";
import { keptHtml, rawHtmlStep } from "./body-steps/html";
import { imageStep } from "./body-steps/images";
import { definitionStep, linkStep } from "./body-steps/link-steps";
import { linkTargets } from "./body-steps/link-targets";
import { outputPlan } from "./body-steps/outputs";
import { rewriteProseStep } from "./body-steps/prose";
import { deadNavigationLines, removeRanges } from "./body-steps/removed";
import type { BodyContext } from "./body-steps/step";
import { walkNodes, type NodeSteps } from "./body-steps/walk";
import type { Note } from "./notes";

/** A source range to delete, with what to report about it. */
export interface Removal {
  range: [number, number];
  note?: Note;
}

export interface BodyInput {
  text: string;
  tree: Root;
  removals: readonly Removal[];
  knownIds: ReadonlySet<string>;
  /** What becomes of image URLs (assets.ts); by default every local image is missing. */
  images?: AssetPlan;
}

/** What each node type goes through, in the order the walk meets them. */
const NODE_STEPS: NodeSteps = {
  heading: shiftHeadingStep,
  paragraph: fenceEsmPythonStep,
  text: rewriteProseStep,
  code: fenceCodeStep,
  html: rawHtmlStep,
  link: linkStep,
  linkReference: linkStep,
  definition: definitionStep,
  image: imageStep,
  imageReference: imageStep,
};

export function transformBody({ text, tree, removals, knownIds, images = assetPlan("", undefined) }: BodyInput): {
  body: string;
  notes: Note[];
} {
  const links = linkTargets(tree, knownIds, (url) => images.target(url).kind === "missing");
  // Whole lines that go: what became frontmatter, and dead navigation lines.
  const navigation = deadNavigationLines(tree, text, links.isDead);
  // Output shown under a code block: the label goes, the fence becomes ```output.
  const outputs = outputPlan(tree, text);
  const removed = removeRanges([...removals.map(({ range }) => range), ...navigation.ranges, ...outputs.ranges]);
  // What the node steps need to know about the whole body.
  const headings = headingPlan(tree, removed.isRemoved);
  const context: BodyContext = {
    text,
    knownIds,
    links,
    isRemoved: removed.isRemoved,
    headingShift: headings.shift,
    headingEnds: headings.headingEnds,
    esmStarts: esmStarts(tree, text),
    outputFences: outputs.outputFences,
    keptHtml: keptHtml(tree),
    images,
  };
  // Every kept node through the step for its type, in document order.
  const nodeResults = walkNodes(tree, context, NODE_STEPS);
  const removalNotes = removals.flatMap(({ note }) => (note ? [note] : []));
  return finishBody(text, [{ notes: [...removalNotes, ...outputs.notes] }, navigation, removed, ...nodeResults]);
}
