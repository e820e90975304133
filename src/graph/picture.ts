/**
 * Positions for the prerequisite graph picture, computed at build time:
 * prerequisites above the lessons that need them, in time linear in the
 * lessons (layers.ts). The SVG itself is drawn by
 * src/components/PrerequisiteGraph.astro.
 */
import { difficultyRank, type Difficulty } from "./fields";
import { longestPathLayers, orderLayers } from "./layers";
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
  (BaseNode & { kind: "lesson"; id: string; difficulty: Difficulty }) | (BaseNode & { kind: "external"; host: string });

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

/** At most this many boxes side by side: a layer with more wraps onto further rows, so the picture never outgrows a desktop screen. */
export const COLUMNS = 4;
const COLUMN_GAP = 32;
/** Between rows, and between difficulty bands. */
const ROW_GAP = 48;
const BAND_GAP = 80;
const MARGIN = 4;

/**
 * Lays the graph out in time linear in lessons and prerequisites (see
 * layers.ts): topics on other sites on top, then one band per difficulty,
 * easiest first (a prerequisite is never harder than its lesson, so every
 * arrow points down or, within a row, right); inside a band, a lesson comes
 * after its deepest prerequisite in that band (layers.ts), and the boxes fill
 * rows of COLUMNS in that order.
 * `lessonHref` gives a lesson's address (the site's address book; the graph knows no URLs).
 */
export function layoutPicture<T extends GraphLesson>(
  graph: LessonGraph<T>,
  lessonHref: (id: string) => string,
): Picture {
  const nodes = new Map<string, PictureNode>();
  const parents = new Map<string, string[]>();
  const band = new Map<string, number>();
  for (const lesson of graph.lessons) {
    const key = lessonKey(lesson.id);
    nodes.set(key, lessonNode(lesson, lessonHref(lesson.id)));
    band.set(key, 1 + difficultyRank(lesson.difficulty));
    parents.set(key, []);
  }
  // After the lessons, so that Tab reaches the lessons first, in reading order.
  for (const topic of graph.externals) {
    nodes.set(externalKey(topic.url), externalNode(topic));
    band.set(externalKey(topic.url), 0);
  }
  const edges: { from: string; to: string }[] = [];
  for (const lesson of graph.lessons) {
    for (const required of graph.requires(lesson.id)) {
      edges.push({ from: lessonKey(required.id), to: lessonKey(lesson.id) });
    }
  }
  for (const topic of graph.externals) {
    for (const lesson of topic.requiredBy) edges.push({ from: externalKey(topic.url), to: lessonKey(lesson.id) });
  }
  for (const edge of edges) parents.get(edge.to)!.push(edge.from);

  const inputs = [...nodes.keys()].map((key) => ({ key, parents: parents.get(key) ?? [] }));
  // Layers inside each band, from the prerequisites in the same band only; bands then stack.
  const local = longestPathLayers(
    inputs.map(({ key, parents: above }) => ({ key, parents: above.filter((p) => band.get(p) === band.get(key)) })),
  );
  const bandDepth: number[] = [];
  for (const [key, layer] of local) bandDepth[band.get(key)!] = Math.max(bandDepth[band.get(key)!] ?? 0, layer + 1);
  const bandStart: number[] = [];
  bandDepth.reduce((start, depth, index) => ((bandStart[index] = start), start + (depth ?? 0)), 0);
  const layerOf = (key: string) => bandStart[band.get(key)!]! + local.get(key)!;
  const layers = orderLayers(inputs, layerOf);

  // Packed row by row in that order, COLUMNS to a row, with a new row for each band: a long chain of lessons
  // then fills a screen-wide grid instead of one very tall column.
  const sequence = layers.flat();
  const columns = Math.max(1, Math.min(COLUMNS, ...bandSizes(sequence, band)));
  const width = 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP;
  const rows: PictureNode[][] = [];
  let previousBand: number | undefined;
  for (const key of sequence) {
    const row = rows.at(-1);
    if (row && row.length < columns && band.get(key) === previousBand) row.push(nodes.get(key)!);
    else rows.push([nodes.get(key)!]);
    previousBand = band.get(key);
  }
  let y = MARGIN;
  for (const [index, row] of rows.entries()) {
    if (index > 0) y += band.get(row[0]!.key) === band.get(rows[index - 1]![0]!.key) ? ROW_GAP : BAND_GAP;
    row.forEach((node, column) => {
      node.x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
      node.y = y;
    });
    y += Math.max(...row.map((node) => node.height));
  }

  return {
    width,
    height: Math.ceil(y + MARGIN),
    nodes: [...nodes.values()],
    edges: edges.map((edge) => ({ ...edge, path: edgePath(nodes.get(edge.from)!, nodes.get(edge.to)!) })),
  };
}

/**
 * A curve into the lesson's box, where the arrowhead goes: from the bottom middle of a prerequisite in a row
 * above to the top middle, or, in the same row (the prerequisite to the left), from its right side to the
 * lesson's left side, bowing upwards over any boxes in between.
 */
function edgePath(from: PictureNode, to: PictureNode): string {
  if (from.y === to.y) {
    const [x1, x2, y] = [from.x + from.width, to.x, from.y + from.height / 2];
    const bow = x2 - x1 > COLUMN_GAP ? from.height / 2 + ROW_GAP / 2 : 0;
    return `M${round(x1)},${round(y)} C${round(x1 + COLUMN_GAP)},${round(y - bow)} ${round(x2 - COLUMN_GAP)},${round(y - bow)} ${round(x2)},${round(y)}`;
  }
  const [x1, y1] = [from.x + from.width / 2, from.y + from.height];
  const [x2, y2] = [to.x + to.width / 2, to.y];
  const bend = Math.min(Math.abs(y2 - y1) / 2, ROW_GAP);
  return `M${round(x1)},${round(y1)} C${round(x1)},${round(y1 + bend)} ${round(x2)},${round(y2 - bend)} ${round(x2)},${round(y2)}`;
}

/** The number of nodes in each band, for the picture's width. */
function bandSizes(sequence: readonly string[], band: ReadonlyMap<string, number>): number[] {
  const sizes = new Map<number, number>();
  for (const key of sequence) sizes.set(band.get(key)!, (sizes.get(band.get(key)!) ?? 0) + 1);
  return [...sizes.values()];
}

function lessonNode(lesson: GraphLesson, href: string): PictureNode {
  const lines = wrapText(lesson.title);
  return {
    key: lessonKey(lesson.id),
    kind: "lesson",
    id: lesson.id,
    difficulty: lesson.difficulty,
    href,
    lines,
    notes: [lesson.difficulty],
    x: 0,
    y: 0,
    width: NODE_WIDTH,
    height: boxHeight(lines.length + 1),
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
