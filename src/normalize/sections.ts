import type { Heading, List, Nodes, Root } from "mdast";
import { headingText, lineStart, startOf } from "./markdown";

/** A top-level section whose list moves into the frontmatter. */
export interface ListSection {
  heading: Heading;
  /** List items as plain text; inline code keeps its backticks. */
  items: string[];
  /** The raw file's line of each item. */
  lines: number[];
  /** Source range from the heading to the end of its list (the next block, heading or the end of the text). */
  range: [number, number];
}

export interface Outline {
  /** The heading that names the lesson, if the source has one outside the sections below. */
  titleHeading: Heading | undefined;
  objectives: ListSection | undefined;
  prerequisites: ListSection | undefined;
}

const OBJECTIVES = /^(?:learning )?(?:objectives|goals|outcomes)$|^what you(?: will|['’]ll) learn$/i;
const PREREQUISITES = /^(?:prerequisites?|requirements|before you (?:start|begin))$/i;

/** Heading text without trailing punctuation, for matching section names. */
function sectionName(heading: Heading): string {
  return headingText(heading).replace(/[\s:.]+$/, "");
}

/**
 * Finds the title heading and the objectives/prerequisites sections at the top
 * level of the source. The title is the first H1 or, without one, the first
 * heading of any level ("## Lesson 5.2: ..."), never a section heading.
 */
export function outline(tree: Root, text: string): Outline {
  const headings = tree.children.filter((node): node is Heading => node.type === "heading");
  const objectives = listSection(tree, text, headings, OBJECTIVES);
  const prerequisites = listSection(tree, text, headings, PREREQUISITES);
  const ordinary = headings.filter((h) => h !== objectives?.heading && h !== prerequisites?.heading);
  const titleHeading = ordinary.find((h) => h.depth === 1) ?? ordinary[0];
  return { titleHeading, objectives, prerequisites };
}

/**
 * A section is the heading plus what follows it up to the next heading of any
 * level: sources put sub-headings for the lesson's content right after a
 * "## Learning Objectives" list, and those must not count as part of it.
 */
function listSection(tree: Root, text: string, headings: Heading[], name: RegExp): ListSection | undefined {
  const heading = headings.find((h) => name.test(sectionName(h)));
  if (heading === undefined) return undefined;
  const index = tree.children.indexOf(heading);
  const next = tree.children.findIndex((node, i) => i > index && node.type === "heading");
  const content = tree.children.slice(index + 1, next === -1 ? undefined : next);
  const list = content.find((node): node is List => node.type === "list");
  if (list === undefined) return undefined;
  // Prose after the list stays in the body: only the heading, its lead-in and the list move to the frontmatter.
  const after = content[content.indexOf(list) + 1] ?? (next === -1 ? undefined : tree.children[next]);
  const end = after === undefined ? text.length : lineStart(text, startOf(after));
  const items = list.children.map((item) => ({ text: plainText(item), line: item.position?.start.line ?? 1 }));
  const kept = items.filter(({ text }) => text !== "");
  return {
    heading,
    items: kept.map(({ text }) => text),
    lines: kept.map(({ line }) => line),
    range: [lineStart(text, startOf(heading)), end],
  };
}

/** Text without markup, except that inline code keeps its backticks so `async def` still reads as code. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (current: Nodes): void => {
    switch (current.type) {
      case "inlineCode":
        parts.push(`\`${current.value}\``);
        return;
      case "text":
        parts.push(current.value);
        return;
      case "break":
      case "paragraph":
        parts.push(" ");
    }
    if ("children" in current) for (const child of current.children) walk(child);
  };
  walk(node);
  return parts.join("").replace(/\s+/g, " ").trim();
}
