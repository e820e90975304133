/**
 * Builds a throwaway copy of the site around a given set of lesson files, in a
 * temp folder, so tests can prove that bad content fails the real build
 * without ever touching content/.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copySite, ROOT, type CopyOptions } from "../../src/tooling/site-copy";

const ASTRO = join(ROOT, "node_modules/.bin/astro");

export interface FixtureBuild {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
  root: string;
  cleanup: () => void;
}

/**
 * `files` (path relative to the site root -> text) replace or add files after the copy, e.g. a config;
 * `prepare` may change the copy further (a symlink in public/). The build sees neither BASE_PATH nor
 * SITE_URL from the caller's environment (a fixture site is served from the root, without a public
 * address) unless `env` sets them.
 */
export function buildFixtureSite(
  lessons: Record<string, string>,
  files: Record<string, string> = {},
  options: CopyOptions & { prepare?: (root: string) => void; env?: Record<string, string> } = {},
): FixtureBuild {
  const root = copySite(lessons, undefined, options);
  options.prepare?.(root);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);

  return { ...runBuild(root, options.env), root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Builds an existing fixture site again, keeping its caches and dist/ (a warm build). */
export function rebuildFixtureSite(site: FixtureBuild, env?: Record<string, string>): FixtureBuild {
  return { ...site, ...runBuild(site.root, env) };
}

function runBuild(root: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(ASTRO, ["build", "--root", root], {
    cwd: root,
    encoding: "utf8",
    env: { ...siteFreeEnv(), FORCE_COLOR: "0", NO_COLOR: "1", ASTRO_TELEMETRY_DISABLED: "1", ...env },
    timeout: 120_000,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
  return { status: result.status, output };
}

/**
 * The environment without the variables that place the site (astro.config.mjs reads them), and without
 * the ones Vitest copies from its own `import.meta.env` (BASE_URL "/", DEV "1", MODE "test"...): Astro
 * would take those for the site's own, building pages in dev mode at the root whatever its `base`.
 */
function siteFreeEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["BASE_PATH", "SITE_URL", "BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV"]) delete env[name];
  return env;
}

/** A lesson file from frontmatter fields and a body. */
export function lessonFile(frontmatter: Record<string, unknown>, body = "Some text.\n"): string {
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}`;
}

export const validFrontmatter = (overrides: Record<string, unknown> = {}) => ({
  title: "A Valid Lesson",
  description: "A lesson that passes every rule of the schema.",
  difficulty: "beginner",
  prerequisites: [],
  keywords: ["asyncio"],
  duration: 5,
  source: "content/sources/a-valid-lesson.md",
  ...overrides,
});
