/**
 * Finds circular prerequisites and returns each as the chain an author can
 * follow through the files: ["a", "b", "a"] means a requires b, b requires a.
 *
 * Graph libraries answer "is there a cycle?" or return the strongly connected
 * components as unordered sets; an author needs the order of the links, so
 * this is a plain depth-first search that keeps its path.
 */

/** `requires` maps a lesson id to the ids it requires; ids missing from it are ignored. */
export function findCycles(requires: ReadonlyMap<string, readonly string[]>): string[][] {
  const done = new Set<string>();
  const found = new Map<string, string[]>();

  const visit = (id: string, path: string[]) => {
    if (done.has(id)) return;
    const onPath = path.indexOf(id);
    if (onPath !== -1) {
      const cycle = path.slice(onPath);
      // Self-requirement is reported on its own, more plainly.
      if (cycle.length > 1) {
        const chain = rotateToSmallest(cycle);
        found.set(chain.join(" "), [...chain, chain[0]!]);
      }
      return;
    }
    for (const next of requires.get(id) ?? []) {
      if (requires.has(next)) visit(next, [...path, id]);
    }
    done.add(id);
  };

  for (const id of [...requires.keys()].sort()) visit(id, []);
  return [...found.values()].sort((a, b) => a[0]!.localeCompare(b[0]!) || a.join().localeCompare(b.join()));
}

/** The same cycle always reads from its alphabetically first lesson, so it is reported once. */
function rotateToSmallest(cycle: string[]): string[] {
  const start = cycle.indexOf([...cycle].sort()[0]!);
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}
