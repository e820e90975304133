/**
 * Peak resident memory of a process and all its descendants (Astro's Node
 * process and the Pagefind binary it starts), sampled from /proc every 50 ms.
 * Linux only: elsewhere the peak reads 0 and the report says "n/a".
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

/** Resident bytes of `root` and its descendants now. */
export function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    // Field 4 of stat is the parent pid; the command name (field 2) may hold spaces, so read after its ")".
    const stat = readOr(`/proc/${name}/stat`);
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(Number(name));
  }
  let bytes = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const kib = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`))?.[1];
    bytes += Number(kib ?? 0) * 1024;
    queue.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

export class ProcessTreeMemory {
  #peak = 0;
  readonly #timer: NodeJS.Timeout | undefined;

  constructor(readonly pid: number) {
    if (!existsSync("/proc/self/status")) return;
    const sample = () => {
      this.#peak = Math.max(this.#peak, treeResidentBytes(pid));
    };
    sample();
    this.#timer = setInterval(sample, 50);
  }

  /** Stops sampling; the highest total seen, in bytes (0 where /proc is missing). */
  stop(): number {
    clearInterval(this.#timer);
    return this.#peak;
  }
}
