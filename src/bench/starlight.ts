/**
 * The comparison site: Astro Starlight with the same generated lessons, in a
 * temp folder. Starlight is installed there from the npm registry when the
 * benchmark runs (never into this project's dependencies), beside the same
 * Astro version this project builds with.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchSite } from "./site";
import { ROOT } from "./site";

/** The Starlight release line that supports Astro 7.3 (peer dependency astro ^7.2.10). */
export const STARLIGHT_VERSION = "0.42";

export interface StarlightInstall {
  /** Folder holding node_modules with Starlight and Astro. */
  dir: string;
  /** Installed versions, for the report. */
  starlight: string;
  astro: string;
  cleanup: () => void;
}

const installedVersion = (dir: string, name: string): string =>
  (JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** Installs Starlight and this project's Astro version into a temp folder with npm; throws with npm's output on failure. */
export function installStarlight(log: (text: string) => void): StarlightInstall {
  const astro = installedVersion(ROOT, "astro");
  const dir = mkdtempSync(join(tmpdir(), "lesson-bench-starlight-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "starlight-bench", private: true, type: "module" }, null, 2),
  );
  log(`[bench] installing @astrojs/starlight@${STARLIGHT_VERSION} and astro@${astro} into ${dir} (npm)...\n`);
  const npm = spawnSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `@astrojs/starlight@${STARLIGHT_VERSION}`,
      `astro@${astro}`,
    ],
    { cwd: dir, encoding: "utf8", timeout: 900_000 },
  );
  if (npm.status !== 0) {
    cleanup();
    throw new Error(
      `npm could not install Starlight for the comparison (exit ${npm.status}): ${npm.error?.message ?? ""}\n${npm.stdout}\n${npm.stderr}\nCheck that the npm registry is reachable, or run the benchmark with --no-starlight.`,
    );
  }
  return {
    dir,
    starlight: installedVersion(dir, "@astrojs/starlight"),
    astro: installedVersion(dir, "astro"),
    cleanup,
  };
}

const CONFIG = `import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";

export default defineConfig({
  cacheDir: "./.bench-cache",
  integrations: [starlight({ title: "Benchmark course" })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A Starlight site whose docs are `lessons` (file name -> text), sharing the install's node_modules. */
export function prepareStarlightSite(install: StarlightInstall, lessons: Record<string, string>): BenchSite {
  const root = mkdtempSync(join(tmpdir(), "lesson-bench-starlight-site-"));
  cpSync(join(install.dir, "package.json"), join(root, "package.json"));
  symlinkSync(join(install.dir, "node_modules"), join(root, "node_modules"), "dir");
  writeFileSync(join(root, "astro.config.mjs"), CONFIG);
  mkdirSync(join(root, "src/content/docs"), { recursive: true });
  writeFileSync(join(root, "src/content.config.ts"), CONTENT_CONFIG);
  // Starlight wants a home page; the lessons' own frontmatter has the title and description it needs.
  writeFileSync(
    join(root, "src/content/docs/index.mdx"),
    "---\ntitle: Benchmark course\ndescription: The generated lessons.\n---\n\nThe lessons are listed in the sidebar.\n",
  );
  for (const [name, text] of Object.entries(lessons)) writeFileSync(join(root, "src/content/docs", name), text);
  return {
    root,
    dist: join(root, "dist"),
    astro: join(install.dir, "node_modules/.bin/astro"),
    lessonsDir: join(root, "src/content/docs"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
