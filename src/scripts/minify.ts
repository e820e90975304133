/**
 * The inline scripts are written readably and inlined minified, where every
 * byte counts against the inline script budget (src/quality/budgets.ts). This
 * module writes each `.min.js` next to its source: run
 * `npx tsx src/scripts/minify.ts` after editing one of the sources
 * (tests/unit/scripts/minify.test.ts fails until each pair agrees). The
 * Content-Security-Policy hashes the minified files (src/security/csp.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const SRC = join(import.meta.dirname, "..");

/** The inline scripts kept minified, as paths under src/: each `x.js` is inlined as `x.min.js`. */
export const MINIFIED_SCRIPTS = ["progress/progress.js", "search/loader.js", "scripts/code-blocks.js"] as const;

export const sourcePath = (script: string) => join(SRC, script);
export const minifiedPath = (script: string) => join(SRC, script.replace(/\.js$/, ".min.js"));

/** The minified text of a script's source: what the pages inline. */
export function minifyScript(source: string): string {
  return transformSync(source, { minify: true, target: "es2022", loader: "js" }).code;
}

if (process.argv[1] === import.meta.filename) {
  for (const script of MINIFIED_SCRIPTS) {
    writeFileSync(minifiedPath(script), minifyScript(readFileSync(sourcePath(script), "utf8")));
    console.log(`Wrote ${minifiedPath(script)}`);
  }
}
