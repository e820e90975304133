/**
 * The progress script is inlined into every page, where every byte counts
 * against the inline script budget (src/quality/budgets.ts). It is written
 * readably in progress.js and inlined minified, from progress.min.js, which
 * this module writes: run `npx tsx src/progress/minify.ts` after editing
 * progress.js (tests/unit/progress/minify.test.ts fails until the two agree).
 * The Content-Security-Policy hashes the minified file (src/security/csp.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

export const PROGRESS_SOURCE = join(import.meta.dirname, "progress.js");
export const PROGRESS_MINIFIED = join(import.meta.dirname, "progress.min.js");

/** The minified text of the script's source: what the pages inline. */
export function minifyProgressScript(source = readFileSync(PROGRESS_SOURCE, "utf8")): string {
  return transformSync(source, { minify: true, target: "es2022", loader: "js" }).code;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(PROGRESS_MINIFIED, minifyProgressScript());
  console.log(`Wrote ${PROGRESS_MINIFIED}`);
}
