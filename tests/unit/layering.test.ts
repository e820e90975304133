/**
 * The layering rules of src/, checked over every import of every file (the
 * frontmatter and <script>s of .astro files included), read with TypeScript's
 * own import scanner:
 *
 * 1. src/ never imports tests/: the site, the CLI and the benchmark must not
 *    depend on test code (shared helpers live in src/, e.g. src/tooling/).
 * 2. src/graph/ is pure: it imports no Astro module (`astro`, `astro:*`,
 *    `astro/*`, `@astrojs/*`, `.astro` components) and no file of the Astro
 *    side, directly or through other files. The Astro side is every file that
 *    imports an Astro module other than `astro/zod` (zod itself, which runs
 *    anywhere: the importer uses the schema under plain Node).
 * 3. The address book, src/site/urls.ts, follows the same rule as the graph.
 * 4. The browser bundles (the search UI, src/search/ui.ts, and the Python
 *    runner's UI and worker, src/runner/ui.ts and worker.ts, with everything
 *    they import) run in the browser: they reach no `node:` module and nothing
 *    of the Astro side.
 *
 * Each violation names the file and line of the import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const CODE = /\.(ts|js|mjs|astro)$/;

/** Entry files of the code bundled for the browser, and what each is. */
const BROWSER_BUNDLES = [
  ["src/search/ui.ts", "search"],
  ["src/runner/ui.ts", "the Python runner's UI"],
  ["src/runner/worker.ts", "the Python worker"],
] as const;

/** Project-relative path (forward slashes) -> text. */
type Sources = ReadonlyMap<string, string>;

interface Import {
  specifier: string;
  line: number;
  /** The project file (or path) a relative specifier names; undefined for packages and virtual modules. */
  target?: string;
}

/** The text of a file with everything but its code blanked out, so positions and lines stay those of the file. */
function codeOf(path: string, text: string): string {
  if (!path.endsWith(".astro")) return text;
  const keep: [number, number][] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) {
    const start = frontmatter[0].indexOf("\n") + 1;
    keep.push([start, start + frontmatter[1]!.length]);
  }
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index + script[0].indexOf(">") + 1;
    keep.push([start, start + script[1]!.length]);
  }
  let code = text.replace(/[^\n]/g, " ");
  for (const [start, end] of keep) code = code.slice(0, start) + text.slice(start, end) + code.slice(end);
  return code;
}

function resolveImport(from: string, specifier: string, sources: Sources): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/, "")));
  const candidates = [path, `${path}.ts`, `${path}.js`, `${path}/index.ts`];
  return candidates.find((candidate) => sources.has(candidate)) ?? path;
}

function importsOf(path: string, sources: Sources): Import[] {
  const code = codeOf(path, sources.get(path) ?? "");
  return ts.preProcessFile(code, true, true).importedFiles.map(({ fileName, pos }) => ({
    specifier: fileName,
    line: code.slice(0, pos).split("\n").length,
    target: resolveImport(path, fileName, sources),
  }));
}

const isAstroModule = (specifier: string) =>
  /^(astro|@astrojs\/.*)$|^astro[:/]/.test(specifier) || /\.astro(\?.*)?$/.test(specifier);
/** Astro modules that tie a file to Astro's build; `astro/zod` is zod and runs anywhere. */
const bindsToAstro = (specifier: string) => isAstroModule(specifier) && specifier !== "astro/zod";

/** Whether a file belongs to the Astro side: it imports an Astro module, itself or through the files it imports. */
function astroSide(sources: Sources): (path: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  const reach = (path: string): string | undefined => {
    if (memo.has(path)) return memo.get(path);
    memo.set(path, undefined); // an import cycle adds nothing
    let why: string | undefined = path.endsWith(".astro") ? `${path} is an Astro component` : undefined;
    for (const { specifier, line, target } of importsOf(path, sources)) {
      if (why) break;
      if (bindsToAstro(specifier)) why = `${path}:${line} imports "${specifier}"`;
      else if (target && sources.has(target)) {
        const through = reach(target);
        if (through) why = `${path}:${line} -> ${through}`;
      }
    }
    memo.set(path, why);
    return why;
  };
  return reach;
}

/** Every breach of the rules above, as `file:line: what`. */
function layeringProblems(sources: Sources): string[] {
  const problems: string[] = [];
  const reachesAstro = astroSide(sources);
  const files = [...sources.keys()].filter((path) => path.startsWith("src/")).sort();

  for (const file of files) {
    const pure = file.startsWith("src/graph/") || file === "src/site/urls.ts";
    for (const { specifier, line, target } of importsOf(file, sources)) {
      const at = `${file}:${line}: imports "${specifier}"`;
      if (target?.startsWith("tests/")) problems.push(`${at}, from tests/ (src/ must not depend on test code)`);
      if (!pure) continue;
      if (isAstroModule(specifier)) problems.push(`${at}, an Astro module (this layer must stay free of Astro)`);
      else if (target && sources.has(target)) {
        const through = reachesAstro(target);
        if (through) problems.push(`${at}, which reaches Astro: ${through}`);
      }
    }
  }

  // The browser bundles: everything each entry reaches.
  for (const [entry, bundle] of BROWSER_BUNDLES) {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !sources.has(file)) return;
      seen.add(file);
      for (const { specifier, line, target } of importsOf(file, sources)) {
        const at = `${file}:${line}: imports "${specifier}"`;
        if (specifier.startsWith("node:")) problems.push(`${at}, a Node module in the browser bundle of ${bundle}`);
        else if (bindsToAstro(specifier)) problems.push(`${at}, an Astro module in the browser bundle of ${bundle}`);
        else if (target) visit(target);
      }
    };
    visit(entry);
  }
  return [...new Set(problems)];
}

function projectSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !CODE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    sources.set(posix.join(...path.slice(ROOT.length + 1).split(/[\\/]/)), readFileSync(path, "utf8"));
  }
  return sources;
}

describe("layering of src/", () => {
  it("holds for the project", () => {
    const sources = projectSources();
    expect(sources.size).toBeGreaterThan(50);
    expect(sources.has("src/graph/graph.ts")).toBe(true);
    expect(layeringProblems(sources)).toEqual([]);
  });

  it("reads every kind of import, with its line, in .ts and .astro files", () => {
    const sources = new Map([
      [
        "src/a.ts",
        [
          'import x from "./b";',
          'import type { T } from "./c";',
          'export { y } from "./d.ts";',
          'import "./e.css";',
          'const z = await import("./f.js");',
        ].join("\n"),
      ],
      ["src/b.ts", ""],
      [
        "src/pages/p.astro",
        '---\n/** doc */\nimport B from "../b";\n---\n<p>import "x"</p>\n<script>import "./s";</script>',
      ],
    ]);
    expect(importsOf("src/a.ts", sources)).toEqual([
      { specifier: "./b", line: 1, target: "src/b.ts" },
      { specifier: "./c", line: 2, target: "src/c" },
      { specifier: "./d.ts", line: 3, target: "src/d.ts" },
      { specifier: "./e.css", line: 4, target: "src/e.css" },
      { specifier: "./f.js", line: 5, target: "src/f.js" },
    ]);
    expect(importsOf("src/pages/p.astro", sources).map(({ specifier, line }) => `${line} ${specifier}`)).toEqual([
      "3 ../b",
      "6 ./s",
    ]);
  });

  it("fails, naming file and line, on each kind of violation", () => {
    const sources = new Map([
      [
        "src/bench/site.ts",
        'import { x } from "node:fs";\nimport { copySite } from "../../tests/support/fixture-site";',
      ],
      ["src/pages/index.astro", '---\nimport { h } from "../../tests/support/helpers";\n---\n<p/>'],
      ["src/lessons/collection.ts", 'import { getCollection } from "astro:content";'],
      ["src/lessons/schema.ts", 'import { z } from "astro/zod";'],
      ["src/lessons/helper.ts", 'import { getLessons } from "./collection";'],
      [
        "src/graph/order.ts",
        [
          'import { DIFFICULTIES } from "../lessons/schema";',
          'import type { Lesson } from "../lessons/helper";',
          'import type { AstroIntegration } from "astro";',
          'import { z } from "astro/zod";',
          'import Card from "../components/Card.astro";',
        ].join("\n"),
      ],
      ["src/components/Card.astro", "---\n---\n<p/>"],
      ["src/site/urls.ts", 'import { getCollection } from "astro:content";'],
      ["src/search/ui.ts", 'export * from "./header";'],
      ["src/search/header.ts", 'import { readFileSync } from "node:fs";\nimport { urls } from "../site/urls";'],
    ]);
    expect(layeringProblems(sources)).toEqual([
      'src/bench/site.ts:2: imports "../../tests/support/fixture-site", from tests/ (src/ must not depend on test code)',
      'src/graph/order.ts:2: imports "../lessons/helper", which reaches Astro: ' +
        'src/lessons/helper.ts:1 -> src/lessons/collection.ts:1 imports "astro:content"',
      'src/graph/order.ts:3: imports "astro", an Astro module (this layer must stay free of Astro)',
      'src/graph/order.ts:4: imports "astro/zod", an Astro module (this layer must stay free of Astro)',
      'src/graph/order.ts:5: imports "../components/Card.astro", an Astro module (this layer must stay free of Astro)',
      'src/pages/index.astro:2: imports "../../tests/support/helpers", from tests/ (src/ must not depend on test code)',
      'src/site/urls.ts:1: imports "astro:content", an Astro module (this layer must stay free of Astro)',
      'src/search/header.ts:1: imports "node:fs", a Node module in the browser bundle of search',
      'src/site/urls.ts:1: imports "astro:content", an Astro module in the browser bundle of search',
    ]);
  });
});
