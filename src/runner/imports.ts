/**
 * Decides at build time whether a Python block can run in the reader's
 * browser, and if not, says why in words the page can show.
 *
 * The in-browser Python is Pyodide with its standard library only
 * (src/runner/pyodide-modules.json lists what imports there). A block cannot
 * run there when the tests do not run it either (`skip`), when it talks to the
 * network (`network`), when it imports a module Pyodide does not have
 * (aiohttp), or one that imports but cannot work in a browser tab
 * (processes, threads, sockets). Only a block's own top-level `import` and
 * `from ... import` statements are read (a dynamic `__import__` shows its
 * ModuleNotFoundError when run, as it would on any machine).
 */
import type { BlockSettings } from "../codeblocks/settings";
import moduleList from "./pyodide-modules.json" with { type: "json" };
import type { ClockMode } from "./protocol";

/**
 * `reason` completes "This example …" (e.g. "needs aiohttp and talks to the network"); the page adds what to do
 * ("run it on your machine").
 */
export type BrowserSupport = { runnable: true; clock: ClockMode } | { runnable: false; reason: string };

const AVAILABLE = new Set(moduleList.modules);

/** Modules that import in Pyodide but whose point is something a browser tab cannot do. */
const CANNOT_WORK: Record<string, string> = {
  subprocess: "starts other programs",
  multiprocessing: "starts processes",
  threading: "starts threads",
  _thread: "starts threads",
  socket: "opens network connections",
  ssl: "opens network connections",
  "http.client": "opens network connections",
  "http.server": "opens network connections",
  "urllib.request": "opens network connections",
  "concurrent.futures": "starts threads or processes",
  ftplib: "opens network connections",
  smtplib: "opens network connections",
  imaplib: "opens network connections",
  poplib: "opens network connections",
  socketserver: "opens network connections",
};

/**
 * The modules a block imports, in order of first appearance (dotted names as
 * written; a relative import as "."). Text in strings and comments is ignored.
 */
export function importedModules(code: string): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    if (!found.includes(name)) found.push(name);
  };
  for (const statement of statements(code)) {
    const fromImport = /^from\s+(\.*[\w.]*)\s+import\b/.exec(statement);
    if (fromImport) {
      add(fromImport[1]!.startsWith(".") ? "." : fromImport[1]!);
      continue;
    }
    const plainImport = /^import\s+(.+)$/.exec(statement);
    if (!plainImport) continue;
    for (const part of plainImport[1]!.split(",")) {
      const name = /^\s*([\w.]+)/.exec(part)?.[1];
      if (name) add(name);
    }
  }
  return found;
}

/**
 * The block's logical lines with strings' contents and comments removed and
 * leading whitespace trimmed (an `import` inside `if`/`try`/a function counts:
 * it runs too). Backslash continuations and brackets join physical lines.
 */
function statements(code: string): string[] {
  const lines: string[] = [];
  let current = "";
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (quote) {
      if (char === "\\") i++;
      else if (code.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (char === "\n" && quote.length === 1) quote = null; // an unclosed one-line string ends here
      continue;
    }
    if (char === "#") {
      while (i + 1 < code.length && code[i + 1] !== "\n") i++;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = code.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
      i += quote.length - 1;
      current += "_";
      continue;
    }
    if (char === "\\" && code[i + 1] === "\n") {
      current += " ";
      i++;
      continue;
    }
    if ("([{".includes(char)) depth++;
    if (")]}".includes(char)) depth = Math.max(0, depth - 1);
    if (char === "\n" && depth === 0) {
      lines.push(current);
      current = "";
      continue;
    }
    current += char === "\n" ? " " : char;
  }
  lines.push(current);
  return lines.flatMap((line) => line.split(";")).map((line) => line.trim());
}

/** Why a module keeps the block out of the browser, or null when it can run there. */
function moduleProblem(name: string): string | null {
  if (name === ".") return "imports from its own package";
  for (const [module, what] of Object.entries(CANNOT_WORK)) {
    if (name === module || name.startsWith(`${module}.`)) return `uses ${module}, which ${what}`;
  }
  const top = name.split(".")[0]!;
  return AVAILABLE.has(top) ? null : `needs ${top}`;
}

/** Whether the browser can run this block, and on which clock; or why not. */
export function browserSupport(code: string, settings: BlockSettings): BrowserSupport {
  if (settings.skip) return { runnable: false, reason: `is not run by the tests either (${settings.skip})` };
  const problems = importedModules(code)
    .map(moduleProblem)
    .filter((problem): problem is string => problem !== null);
  if (settings.network) problems.push("talks to the network");
  if (problems.length > 0) {
    return { runnable: false, reason: joinWords(problems) };
  }
  return { runnable: true, clock: settings.realtime ? "real" : "virtual" };
}

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * A block of a `continue` chain runs after the earlier blocks of its chain, so
 * it can run in the browser only if they all can; on the real clock if any of
 * them needs it. `earlier`: what browserSupport said of each earlier block.
 */
export function chainSupport(own: BrowserSupport, earlier: readonly BrowserSupport[]): BrowserSupport {
  const blocked = earlier.find((support) => !support.runnable);
  if (blocked) return { runnable: false, reason: `continues an example that ${blocked.reason}` };
  if (!own.runnable) return own;
  const real = own.clock === "real" || earlier.some((support) => support.runnable && support.clock === "real");
  return { runnable: true, clock: real ? "real" : "virtual" };
}
