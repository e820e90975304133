/**
 * Throwaway copies of the site for the build benchmark, in a temp folder:
 * the project's code and config with a given set of lessons, never touching
 * content/. Each copy has its own Astro cache, so every build starts cold.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { copySite } from "../tooling/site-copy";
import { mdxFiles } from "../codeblocks/suite";
import { LESSONS_DIR } from "../lessons/ids";
import { ProcessTreeMemory } from "./memory";

export const ROOT = join(import.meta.dirname, "../..");

export interface BenchSite {
  root: string;
  dist: string;
  /** The astro binary that builds it. */
  astro: string;
  /** Where its lesson files are. */
  lessonsDir: string;
  cleanup: () => void;
}

/** A copy of the site whose content/lessons holds `lessons` (file name -> text). */
export function prepareSite(lessons: Record<string, string>): BenchSite {
  const root = copySite(lessons, "lesson-bench-");
  // The shared node_modules must not receive this copy's cache (Astro's default cacheDir).
  renameSync(join(root, "astro.config.mjs"), join(root, "astro.base.mjs"));
  writeFileSync(
    join(root, "astro.config.mjs"),
    'import base from "./astro.base.mjs";\nexport default { ...base, cacheDir: "./.bench-cache" };\n',
  );
  return {
    root,
    dist: join(root, "dist"),
    astro: join(ROOT, "node_modules/.bin/astro"),
    lessonsDir: join(root, LESSONS_DIR),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The course's own lessons (file name -> text), for prepareSite. */
export function courseLessons(): Record<string, string> {
  return Object.fromEntries(
    mdxFiles(join(ROOT, LESSONS_DIR)).map((path) => [basename(path), readFileSync(path, "utf8")]),
  );
}

export interface BuildRun {
  seconds: number;
  /** Highest resident memory of the build's whole process tree, sampled. */
  peakBytes: number;
  /** What the build printed (stdout and stderr), for the phase split. */
  log: string;
  /** The machine's 1-minute load average when the build started. */
  load: number;
}

/**
 * One `astro build` (Pagefind and, for our site, the search bundle included); throws with the output if it fails.
 * Cold: dist/ and every cache deleted first. Warm: all kept, as after an edit between two builds.
 */
export async function timeBuild(site: BenchSite, { cold = true } = {}): Promise<BuildRun> {
  if (cold) {
    rmSync(site.dist, { recursive: true, force: true });
    rmSync(join(site.root, ".bench-cache"), { recursive: true, force: true });
    rmSync(join(site.root, ".astro"), { recursive: true, force: true });
  }
  const load = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(site.astro, ["build", "--root", site.root], {
    cwd: site.root,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const memory = new ProcessTreeMemory(child.pid!);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = memory.stop();
  if (status !== 0) throw new Error(`astro build in ${site.root} failed (exit ${status}):\n${output.slice(-4000)}`);
  return { seconds, peakBytes, log: output, load };
}

/** The lesson text after a small edit: a changed title and one more sentence at the end. */
export function editLessonText(text: string, mark: string): string {
  const edited = text.replace(
    /^title: ("?)(.*?)\1$/m,
    (_line, quote: string, title: string) => `title: ${quote}${title} (${mark})${quote}`,
  );
  if (edited === text) throw new Error("editLessonText: the lesson has no title line in its frontmatter.");
  return `${edited.trimEnd()}\n\nEdited for the warm rebuild (${mark}).\n`;
}

/** Edits the first lesson of the site (by file name), as an author would between two builds. */
export function editOneLesson(site: BenchSite, mark: string): string {
  const name = readdirSync(site.lessonsDir)
    .filter((file) => file.endsWith(".mdx") && file !== "index.mdx")
    .sort()[0];
  if (name === undefined) throw new Error(`No lesson to edit in ${site.lessonsDir}.`);
  const path = join(site.lessonsDir, name);
  writeFileSync(path, editLessonText(readFileSync(path, "utf8"), mark));
  return name;
}

/** Total bytes of the files under a folder. */
export function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
