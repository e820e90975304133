/**
 * Positions for the prerequisite graph picture, computed at build time with
 * dagre's layered layout: prerequisites above the lessons that need them.
 * The SVG itself is drawn by src/components/PrerequisiteGraph.astro.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";
import type { Difficulty } from "./fields";
import type { ExternalTopic, GraphLesson, LessonGraph } from "./graph";

export const NODE_WIDTH = 210;
export const LINE_HEIGHT = 18;
export const PADDING = 10;
/** Characters per line at the picture's 14 px font inside NODE_WIDTH, measured with a wide font (DejaVu Sans). */
const LINE_CHARS = 22;

interface BaseNode {
  key: string;
  href: string;
  /** The title, wrapped to fit the box. */
  lines: string[];
  /** Shown under the title in bold: the difficulty, or that the topic is on another site. */
  notes: string[];
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PictureNode =
  (BaseNode & { kind: "lesson"; difficulty: Difficulty }) | (BaseNode & { kind: "external"; host: string });

export interface PictureEdge {
  from: string;
  to: string;
  /** SVG path data from the prerequisite to the lesson that needs it. */
  path: string;
}

export interface Picture {
  width: number;
  height: number;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

const lessonKey = (id: string) => `lesson:${id}`;
const externalKey = (url: string) => `external:${url}`;

export function wrapText(text: string, width = LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const boxHeight = (lines: number) => 2 * PADDING + lines * LINE_HEIGHT;

/** `lessonHref` gives a lesson's address (the site's address book; the graph knows no URLs). */
export function layoutPicture<T extends GraphLesson>(
  graph: LessonGraph<T>,
  lessonHref: (id: string) => string,
): Picture {
  const layout = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  layout.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 48, marginx: 4, marginy: 4 });
  layout.setDefaultEdgeLabel(() => ({}));

  // Placed at the origin until dagre has laid the graph out.
  const nodes = new Map<string, PictureNode>();
  for (const lesson of graph.lessons) {
    const lines = wrapText(lesson.title);
    nodes.set(lessonKey(lesson.id), {
      key: lessonKey(lesson.id),
      kind: "lesson",
      difficulty: lesson.difficulty,
      href: lessonHref(lesson.id),
      lines,
      notes: [lesson.difficulty],
      x: 0,
      y: 0,
      width: NODE_WIDTH,
      height: boxHeight(lines.length + 1),
    });
  }
  for (const topic of graph.externals) nodes.set(externalKey(topic.url), externalNode(topic));
  for (const node of nodes.values()) layout.setNode(node.key, { width: node.width, height: node.height });

  const edges: { from: string; to: string }[] = [];
  for (const lesson of graph.lessons) {
    for (const required of graph.requires(lesson.id)) {
      edges.push({ from: lessonKey(required.id), to: lessonKey(lesson.id) });
    }
  }
  for (const topic of graph.externals) {
    for (const lesson of topic.requiredBy) edges.push({ from: externalKey(topic.url), to: lessonKey(lesson.id) });
  }
  for (const edge of edges) layout.setEdge(edge.from, edge.to);

  dagre.layout(layout);

  const placed = [...nodes.values()].map((node) => {
    const { x = 0, y = 0 } = layout.node(node.key);
    return { ...node, x: x - node.width / 2, y: y - node.height / 2 };
  });
  const { width = 0, height = 0 } = layout.graph();
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    nodes: placed,
    edges: edges.map((edge) => {
      const points = layout.edge(edge.from, edge.to).points ?? [];
      const path = points.map((point, index) => `${index === 0 ? "M" : "L"}${round(point.x)},${round(point.y)}`);
      return { ...edge, path: path.join(" ") };
    }),
  };
}

function externalNode(topic: ExternalTopic<unknown>): PictureNode {
  const lines = wrapText(topic.title);
  const host = new URL(topic.url).hostname;
  return {
    key: externalKey(topic.url),
    kind: "external",
    host,
    href: topic.url,
    lines,
    notes: ["external site ↗", host],
    x: 0,
    y: 0,
    width: NODE_WIDTH,
    height: boxHeight(lines.length + 2),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
