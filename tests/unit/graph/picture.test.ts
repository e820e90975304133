import { describe, expect, it } from "vitest";
import { generateLessons } from "../../../src/bench/generate";
import { buildCourse } from "../../../src/graph/course";
import { buildLessonGraph, graphLesson } from "../../../src/graph/graph";
import {
  COLUMNS,
  layoutPicture,
  NODE_WIDTH,
  wrapText,
  type Picture,
  type PictureNode,
} from "../../../src/graph/picture";
import { addressBook } from "../../../src/site/urls";
import { lesson } from "./lessons";

const docs = { title: "Generators", url: "https://docs.python.org/3/howto/functional.html#generators" };
const picture = layoutPicture(
  buildLessonGraph([
    lesson("intro", { title: "Asynchronous Programming with Async/Await" }),
    lesson("tasks", { prerequisites: ["intro"] }),
    lesson("advanced", { difficulty: "advanced", prerequisites: ["tasks", docs] }),
  ]),
  addressBook("/course/").lesson,
);
const node = (key: string) => picture.nodes.find((candidate) => candidate.key === key)!;
const inside = (box: PictureNode, within: Picture = picture) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= within.width && box.y + box.height <= within.height;

describe("wrapText", () => {
  it("wraps at word boundaries within the width", () => {
    expect(wrapText("Asynchronous Programming with Async/Await", 22)).toEqual([
      "Asynchronous",
      "Programming with",
      "Async/Await",
    ]);
    expect(wrapText("Short title", 22)).toEqual(["Short title"]);
  });
});

describe("layoutPicture", () => {
  it("draws every lesson and external topic as a linked box inside the picture", () => {
    expect(picture.nodes.map((box) => [box.key, box.href])).toEqual([
      ["lesson:intro", "/course/lessons/intro/"],
      ["lesson:tasks", "/course/lessons/tasks/"],
      ["lesson:advanced", "/course/lessons/advanced/"],
      [`external:${docs.url}`, docs.url],
    ]);
    for (const box of picture.nodes) expect(inside(box), box.key).toBe(true);
    expect(picture.nodes.every((box) => box.width === NODE_WIDTH)).toBe(true);
  });

  it("writes the difficulty, or that a topic is elsewhere, in the box", () => {
    expect(node("lesson:advanced").notes).toEqual(["advanced"]);
    expect(node(`external:${docs.url}`).notes).toEqual(["external site ↗", "docs.python.org"]);
    expect(node("lesson:intro").lines.length).toBeGreaterThan(1);
  });

  it("puts prerequisites above the lessons that need them, with one edge per requirement", () => {
    expect(picture.edges.map((edge) => [edge.from, edge.to])).toEqual([
      ["lesson:intro", "lesson:tasks"],
      ["lesson:tasks", "lesson:advanced"],
      [`external:${docs.url}`, "lesson:advanced"],
    ]);
    for (const edge of picture.edges) expect(node(edge.from).y).toBeLessThan(node(edge.to).y);
  });

  it("ends each edge at the box of the lesson that needs it, where the arrowhead goes", () => {
    for (const edge of picture.edges) {
      const [, x, y] = /(-?[\d.]+),(-?[\d.]+)$/.exec(edge.path)!.map(Number) as [number, number, number];
      const target = node(edge.to);
      expect(edge.path).toMatch(/^M[\d.]+,[\d.]+ C[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
      const near = (a: number, b: number) => Math.abs(a - b) <= 1;
      const within = (value: number, from: number, size: number) => value >= from - 1 && value <= from + size + 1;
      const onBorder =
        (within(x, target.x, target.width) && (near(y, target.y) || near(y, target.y + target.height))) ||
        (within(y, target.y, target.height) && (near(x, target.x) || near(x, target.x + target.width)));
      expect(onBorder, `${edge.path} ends on the border of ${edge.to}`).toBe(true);
    }
  });
});

describe("layoutPicture at scale", () => {
  const pictureOf = (count: number) =>
    layoutPicture(
      buildCourse(generateLessons(count).map((item) => graphLesson(item.id, `${item.id}.mdx`, item.data))).graph,
      addressBook("/").lesson,
    );
  const large = pictureOf(1000);

  it("stays at most COLUMNS boxes wide, however many lessons there are", () => {
    expect(large.width).toBeLessThanOrEqual(COLUMNS * (NODE_WIDTH + 40));
    expect(large.width).toBeGreaterThan((COLUMNS - 1) * NODE_WIDTH);
    for (const box of large.nodes) expect(inside(box, large), box.key).toBe(true);
  });

  it("never overlaps two boxes and points every arrow down or, within a row, right, in difficulty bands", () => {
    const rows = Map.groupBy(large.nodes, (box) => box.y);
    for (const row of rows.values()) {
      const xs = row.map((box) => box.x).sort((a, b) => a - b);
      for (const [index, x] of xs.entries())
        if (index > 0) expect(x - xs[index - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
    }
    const byKey = new Map(large.nodes.map((box) => [box.key, box]));
    for (const edge of large.edges) {
      const [from, to] = [byKey.get(edge.from)!, byKey.get(edge.to)!];
      expect(from.y < to.y || (from.y === to.y && from.x < to.x), `${edge.from} -> ${edge.to}`).toBe(true);
    }
    const rank = { beginner: 0, intermediate: 1, advanced: 2 };
    const lessons = large.nodes.filter((box) => box.kind === "lesson");
    const sorted = [...lessons].sort((a, b) => a.y - b.y);
    for (const [index, box] of sorted.entries()) {
      if (index > 0) expect(rank[box.difficulty]).toBeGreaterThanOrEqual(rank[sorted[index - 1]!.difficulty]);
    }
  });

  it("grows about linearly: twice the lessons, at most about twice the height", () => {
    const half = pictureOf(500);
    expect(large.nodes).toHaveLength(1000);
    expect(large.height / half.height).toBeLessThan(2.3);
    expect(large.height / half.height).toBeGreaterThan(1.7);
  });
});
