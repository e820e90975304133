import { describe, expect, it } from "vitest";
import { readingOrder, type OrderNode } from "../../../src/graph/order";

const node = (id: string, difficulty: OrderNode["difficulty"], requires: string[] = [], title = id): OrderNode => ({
  id,
  title,
  difficulty,
  requires,
});

const ids = (nodes: OrderNode[]) => nodes.map((n) => n.id);

describe("readingOrder", () => {
  it("puts every prerequisite before the lessons that need it", () => {
    const { order, stuck } = readingOrder([
      node("c", "advanced", ["b"]),
      node("b", "intermediate", ["a"]),
      node("a", "beginner"),
    ]);
    expect(ids(order)).toEqual(["a", "b", "c"]);
    expect(stuck).toEqual([]);
  });

  it("breaks ties by difficulty, then by title", () => {
    const { order } = readingOrder([
      node("z-hard", "advanced"),
      node("m-easy", "beginner", [], "Zebra"),
      node("n-easy", "beginner", [], "Aardvark"),
      node("mid", "intermediate"),
    ]);
    expect(ids(order)).toEqual(["n-easy", "m-easy", "mid", "z-hard"]);
  });

  it("lets the prerequisite order win over difficulty", () => {
    const { order } = readingOrder([node("easy-later", "beginner", ["hard-first"]), node("hard-first", "advanced")]);
    expect(ids(order)).toEqual(["hard-first", "easy-later"]);
  });

  it("returns the lessons on a cycle as stuck instead of looping", () => {
    const { order, stuck } = readingOrder([
      node("a", "beginner", ["b"]),
      node("b", "beginner", ["a"]),
      node("c", "beginner"),
    ]);
    expect(ids(order)).toEqual(["c"]);
    expect(ids(stuck).sort()).toEqual(["a", "b"]);
  });

  it("ignores prerequisites that name no lesson (validation reports those)", () => {
    const { order } = readingOrder([node("a", "beginner", ["missing"])]);
    expect(ids(order)).toEqual(["a"]);
  });
});
