import { describe, expect, it } from "vitest";
import { longestPathLayers, orderLayers } from "../../../src/graph/layers";

const node = (key: string, ...parents: string[]) => ({ key, parents });

describe("longestPathLayers", () => {
  it("puts a node one layer below its deepest parent", () => {
    const layers = longestPathLayers([node("d", "b", "c"), node("a"), node("b", "a"), node("c", "b"), node("e")]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 0 });
  });

  it("ignores unknown parents and a node naming itself", () => {
    expect(Object.fromEntries(longestPathLayers([node("a", "elsewhere", "a")]))).toEqual({ a: 0 });
  });

  it("names the nodes of a cycle", () => {
    expect(() => longestPathLayers([node("a", "b"), node("b", "a"), node("c")])).toThrow(/circular .* a, b\.$/);
  });
});

describe("orderLayers", () => {
  it("orders each layer by where its parents sit, keeping the input order among equals", () => {
    const nodes = [node("x"), node("y"), node("under-y", "y"), node("under-x", "x"), node("free")];
    const layers = longestPathLayers(nodes);
    expect(orderLayers(nodes, (key) => layers.get(key)!)).toEqual([
      ["x", "y", "free"],
      ["under-x", "under-y"],
    ]);
  });
});
