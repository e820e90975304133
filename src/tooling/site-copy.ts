/**
 * A throwaway copy of the site in a temp folder: the project's code and
 * config around a given set of lessons, sharing its node_modules, so that a
 * build can run without touching content/. Used by the fixture sites of the
 * tests (tests/support/fixture-site.ts) and by the build benchmark.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LESSONS_DIR } from "../lessons/ids";

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, "../..");

export interface CopyOptions {
  /** `source:` paths to leave without a raw file, to test a lesson whose source names nothing. */
  missingSources?: readonly string[];
}

/**
 * A temp folder holding the project's code and config, sharing its node_modules, with `lessons` (file name -> text)
 * as content/lessons, and a placeholder raw file in content/sources/ for each lesson's `source:` (the build checks
 * that it exists).
 */
export function copySite(lessons: Record<string, string>, prefix = "lesson-site-", options: CopyOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ["src", "public", "astro.config.mjs", "tsconfig.json", "package.json"]) {
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  mkdirSync(join(root, LESSONS_DIR), { recursive: true });
  mkdirSync(join(root, "content/sources"), { recursive: true });
  for (const [name, text] of Object.entries(lessons)) {
    writeFileSync(join(root, LESSONS_DIR, name), text);
    const source = /^source: "?(content\/sources\/[^/"\n]+\.md)"?$/m.exec(text)?.[1];
    if (source !== undefined && !options.missingSources?.includes(source)) {
      writeFileSync(join(root, source), `# Raw source of ${name}\n`);
    }
  }
  return root;
}
