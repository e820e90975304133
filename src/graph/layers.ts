/**
 * Layers for the prerequisite picture, in time linear in nodes and edges
 * (no crossing minimisation beyond one barycenter sweep): a node's layer is
 * one more than the deepest of its parents (longest path from a node without
 * parents), and each layer is ordered by where its parents sit.
 */

export interface LayerInput {
  key: string;
  /** Keys of the nodes drawn above this one (its prerequisites); unknown keys are ignored. */
  parents: readonly string[];
}

/**
 * Layer index of every node: 0 without parents, else 1 + the highest layer
 * of its parents. Kahn's algorithm, so each node and edge is visited once.
 * Throws naming the nodes on a cycle (validation reports cycles before any
 * picture is drawn, so this is a programming error).
 */
export function longestPathLayers(nodes: readonly LayerInput[]): Map<string, number> {
  const known = new Set(nodes.map((node) => node.key));
  const children = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const node of nodes) {
    const parents = new Set(node.parents.filter((parent) => known.has(parent) && parent !== node.key));
    waiting.set(node.key, parents.size);
    for (const parent of parents) {
      const list = children.get(parent);
      if (list) list.push(node.key);
      else children.set(parent, [node.key]);
    }
  }
  const layer = new Map<string, number>();
  const ready = nodes.filter((node) => waiting.get(node.key) === 0).map((node) => node.key);
  for (const key of ready) layer.set(key, 0);
  for (let index = 0; index < ready.length; index++) {
    const key = ready[index]!;
    const below = layer.get(key)! + 1;
    for (const child of children.get(key) ?? []) {
      layer.set(child, Math.max(layer.get(child) ?? 0, below));
      const left = waiting.get(child)! - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (ready.length < nodes.length) {
    const stuck = nodes.filter((node) => (waiting.get(node.key) ?? 0) > 0).map((node) => node.key);
    throw new Error(`The picture cannot be layered: circular prerequisites among ${stuck.join(", ")}.`);
  }
  return layer;
}

/**
 * Groups nodes by layer (layer 0 first) and orders each layer by the mean
 * position of its parents in the layers above (one top-down barycenter
 * sweep), keeping the input order among equals. `layerOf` must put every
 * parent in an earlier layer than its child, as longestPathLayers does.
 */
export function orderLayers(nodes: readonly LayerInput[], layerOf: (key: string) => number): string[][] {
  const layers: LayerInput[][] = [];
  for (const node of nodes) (layers[layerOf(node.key)] ??= []).push(node);
  const position = new Map<string, number>();
  const ordered: string[][] = [];
  for (const layer of layers) {
    if (!layer) continue;
    const keyed = layer.map((node, index) => {
      const placed = node.parents.map((parent) => position.get(parent)).filter((value) => value !== undefined);
      const center = placed.length > 0 ? placed.reduce((sum, value) => sum + value, 0) / placed.length : Infinity;
      return { key: node.key, center, index };
    });
    keyed.sort((a, b) => a.center - b.center || a.index - b.index);
    // Positions as fractions of the layer's width, so wide and narrow layers compare.
    keyed.forEach((item, index) => position.set(item.key, (index + 0.5) / keyed.length));
    ordered.push(keyed.map((item) => item.key));
  }
  return ordered;
}
