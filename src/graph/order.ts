/**
 * Reading order: a topological order of the on-site prerequisites (Kahn's
 * algorithm), where among lessons that are ready at the same time the easier
 * one comes first, then the one whose title sorts first.
 */
import { difficultyRank as rank, type Difficulty } from "./fields";

export interface OrderNode {
  id: string;
  title: string;
  difficulty: Difficulty;
  /** Ids of on-site prerequisites. */
  requires: readonly string[];
}

export function compareForReading(a: OrderNode, b: OrderNode): number {
  return rank(a.difficulty) - rank(b.difficulty) || a.title.localeCompare(b.title, "en") || a.id.localeCompare(b.id);
}

/**
 * Returns the nodes in reading order. Prerequisites that name no node are
 * ignored here (validation reports them); nodes on a cycle are reported by
 * returning them in `stuck`, so the caller can name the cycle.
 */
export function readingOrder<T extends OrderNode>(nodes: readonly T[]): { order: T[]; stuck: T[] } {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const waitingOn = new Map<string, number>();
  const unlocks = new Map<string, T[]>();
  for (const node of nodes) {
    const known = new Set(node.requires.filter((id) => byId.has(id)));
    waitingOn.set(node.id, known.size);
    for (const id of known) unlocks.set(id, [...(unlocks.get(id) ?? []), node]);
  }

  const ready = nodes.filter((node) => waitingOn.get(node.id) === 0);
  const order: T[] = [];
  while (ready.length > 0) {
    ready.sort(compareForReading);
    const next = ready.shift()!;
    order.push(next);
    for (const later of unlocks.get(next.id) ?? []) {
      const left = waitingOn.get(later.id)! - 1;
      waitingOn.set(later.id, left);
      if (left === 0) ready.push(later);
    }
  }
  const placed = new Set(order.map((node) => node.id));
  return { order, stuck: nodes.filter((node) => !placed.has(node.id)) };
}
