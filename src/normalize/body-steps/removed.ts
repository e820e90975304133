/**
 * Whole blocks and lines that go: what became frontmatter (given by the
 * caller) and lines that are nothing but dead navigation links
 * ("🔗 [Back to TOC](./toc.md)").
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { blockRange, endOf, lineOf, lineRange, sourceOf, startOf } from "../markdown";
import type { Note } from "../notes";
import type { LinkTarget } from "./link-targets";
import type { StepResult } from "./step";

export type Range = [number, number];

/**
 * Top-level paragraphs and list items that are nothing but dead links: the
 * whole line goes. A list whose items all go goes as a whole.
 */
export function deadNavigationLines(
  tree: Root,
  text: string,
  isDead: (node: LinkTarget) => boolean,
): { ranges: Range[]; notes: Note[] } {
  const notes: Note[] = [];
  const drop = (node: Paragraph | List | ListItem, range: Range): Range[] => {
    const line = sourceOf(text, node).trim();
    notes.push({ kind: "removed", message: `"${line}": nothing but dead links or missing images`, line: lineOf(node) });
    return [range];
  };
  const ranges = tree.children.flatMap((block): Range[] => {
    if (block.type === "paragraph") {
      return isDeadLine(block.children, isDead) ? drop(block, blockRange(text, block)) : [];
    }
    if (block.type !== "list") return [];
    const dead = block.children.filter((item) => {
      const [only, ...rest] = item.children;
      return only?.type === "paragraph" && rest.length === 0 && isDeadLine(only.children, isDead);
    });
    if (dead.length === block.children.length) return drop(block, blockRange(text, block));
    return dead.flatMap((item) => drop(item, lineRange(text, item)));
  });
  return { ranges, notes };
}

/**
 * A line of nothing but links that point nowhere and images that are not
 * there, plus decoration ("🔗", "|", "«"): the source course's navigation.
 * Letters or digits outside the links make it prose, whose links are
 * unwrapped instead.
 */
function isDeadLine(children: readonly PhrasingContent[], isDead: (node: LinkTarget) => boolean): boolean {
  const targets = children.filter(
    (child): child is LinkTarget =>
      child.type === "link" ||
      child.type === "linkReference" ||
      child.type === "image" ||
      child.type === "imageReference",
  );
  // A line of images alone is content: images.ts keeps or reports each one.
  const links = targets.filter((target) => target.type === "link" || target.type === "linkReference");
  if (links.length === 0 || !targets.every(isDead)) return false;
  const rest = children
    .filter((child) => !(targets as readonly PhrasingContent[]).includes(child))
    .map((child) => toString(child));
  return !/[\p{L}\p{N}]/u.test(rest.join(""));
}

/** Sorted, with overlapping or touching ranges joined, so no edit is applied twice. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const merged: Range[] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Deletes the merged ranges; `isRemoved` tells the later steps which nodes are gone. */
export function removeRanges(ranges: readonly Range[]): StepResult & { isRemoved: (node: Nodes) => boolean } {
  const merged = mergeRanges(ranges);
  return {
    edits: merged.map(([start, end]) => ({ start, end, text: "" })),
    isRemoved: (node) => merged.some(([start, end]) => startOf(node) >= start && endOf(node) <= end),
  };
}
