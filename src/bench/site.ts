/**
 * Throwaway copies of the site for the build benchmark, in a temp folder:
 * the project's code and config with a given set of lessons, never touching
 * content/. Each copy has its own Astro cache, so every build starts cold.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
  return { root, dist: join(root, "dist"), cleanup: () => rmSync(root, { recursive: true, force: true }) };
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
}

/** One cold `astro build` (Pagefind and the search bundle included); throws with the output if it fails. */
export async function timeBuild(site: BenchSite): Promise<BuildRun> {
  rmSync(site.dist, { recursive: true, force: true });
  rmSync(join(site.root, ".bench-cache"), { recursive: true, force: true });
  rmSync(join(site.root, ".astro"), { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(join(ROOT, "node_modules/.bin/astro"), ["build", "--root", site.root], {
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
  return { seconds, peakBytes };
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
