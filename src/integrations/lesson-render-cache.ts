/**
 * A cache of compiled lessons, so that a build after editing one lesson
 * compiles only that lesson. Compiling MDX (parse, our remark/rehype plugins,
 * Shiki, code generation) is most of a build's time, and Astro 7.3 redoes it
 * for every .mdx file on every build: its content layer caches only the data
 * of MDX entries, and `experimental.incrementalBuild` skips rendering pages
 * but still bundles (so compiles) every module (README, "Incremental builds").
 *
 * This integration wraps the configured Markdown processor's MDX renderer:
 * the compiled module of each lesson is stored under Astro's cacheDir, keyed
 * by the file's path, text and frontmatter and by a digest of everything else
 * the output depends on (the renderer options, our plugins and the rest of
 * src/'s TypeScript, the Astro config and the lock file). Lessons import
 * nothing (the safety check refuses imports), so that is all a lesson's
 * compiled module depends on. A failing lesson is never stored, so its error
 * comes back on every build. Entries not used by a build are deleted after it.
 *
 * It also gives each site root its own cacheDir (siteCacheDir) when the config
 * keeps Astro's default: copies of the site share node_modules, and Astro's
 * incremental build restores unchanged pages from the cacheDir.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";

/** Bump when the stored format changes. */
const CACHE_VERSION = "1";
export const CACHE_FOLDER = "lesson-renders";
/** In each site's cache folder: the site root it belongs to. */
const ROOT_FILE = "root.txt";

/** What @astrojs/mdx gets back for one file (MdxRenderResult of @astrojs/internal-helpers). */
interface MdxRenderResult {
  code: string;
  map?: string | null;
  astroMetadata: unknown;
}
interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<MdxRenderResult>;
}
interface MdxCapableProcessor {
  name: string;
  options: object;
  createRenderer: (...args: never[]) => unknown;
  createMdxRenderer?: (shared: object, mdx: object) => Promise<MdxRenderer>;
}

export interface RenderCacheStats {
  compiled: number;
  reused: number;
}

/** The counts of the last build, for the log line "N compiled, M from cache". */
export function formatStats({ compiled, reused }: RenderCacheStats): string {
  return `lesson render cache: ${compiled} compiled, ${reused} reused from the cache`;
}

/** A digest of every file under `dir` whose name passes `keep`, in a stable order. */
export function folderDigest(dir: string, keep: (name: string) => boolean): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * What a compiled lesson depends on besides itself: the TypeScript under src/ (the plugins and what they import),
 * the Astro config and the lock file (versions of Astro, the processor, Shiki).
 */
export function pipelineDigest(root: string): string {
  const hash = createHash("sha256").update(CACHE_VERSION);
  hash.update(folderDigest(join(root, "src"), (name) => /\.(ts|js|mjs)$/.test(name)));
  for (const file of ["astro.config.mjs", "package-lock.json"]) {
    const path = join(root, file);
    hash.update(file).update(existsSync(path) ? readFileSync(path) : "missing");
  }
  return hash.digest("hex");
}

/** The processor with its MDX renderer wrapped by the cache in `dir`; `stats` and `used` are filled as it runs. */
export function cachedProcessor<P extends MdxCapableProcessor>(
  processor: P,
  dir: string,
  digest: string,
  stats: RenderCacheStats,
  used: Set<string>,
  logger?: AstroIntegrationLogger,
): P {
  const create = processor.createMdxRenderer;
  if (!create) return processor;
  return {
    ...processor,
    async createMdxRenderer(shared: object, mdx: object): Promise<MdxRenderer> {
      const renderer = await create.call(processor, shared, mdx);
      const options = createHash("sha256")
        .update(digest)
        .update(processor.name)
        .update(JSON.stringify([shared, mdx]))
        .digest("hex");
      let warned = false;
      return {
        async process(content, filePath, frontmatter) {
          const key = createHash("sha256")
            .update(options)
            .update(filePath)
            .update("\0")
            .update(content)
            .update("\0")
            .update(JSON.stringify(frontmatter))
            .digest("hex");
          const file = join(dir, `${key}.json`);
          used.add(`${key}.json`);
          const cached = readEntry(file);
          if (cached) {
            stats.reused++;
            return cached;
          }
          const result = await renderer.process(content, filePath, frontmatter);
          stats.compiled++;
          try {
            mkdirSync(dir, { recursive: true });
            const partial = `${file}.${process.pid}.tmp`;
            writeFileSync(partial, JSON.stringify(result));
            renameSync(partial, file);
          } catch (error) {
            if (!warned) logger?.warn(`could not store compiled lessons in ${dir}: ${String(error)}`);
            warned = true;
          }
          return result;
        },
      };
    },
  };
}

function readEntry(file: string): MdxRenderResult | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as MdxRenderResult;
    return typeof entry.code === "string" ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Deletes the stored entries a build did not use (lessons edited or removed since). */
export function pruneCache(dir: string, used: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let pruned = 0;
  for (const name of readdirSync(dir)) {
    if (used.has(name) || name === ROOT_FILE) continue;
    rmSync(join(dir, name), { force: true });
    pruned++;
  }
  return pruned;
}

/**
 * The cache folder of one site root inside `cacheFolder`. Copies of the site in temp folders (the tests' fixture
 * sites, the benchmark) share node_modules and so Astro's cacheDir: each root gets its own folder, which names its
 * root, and folders whose root no longer exists are removed.
 */
export function siteCacheFolder(cacheFolder: string, root: string): string {
  const dir = join(cacheFolder, createHash("sha256").update(root).digest("hex").slice(0, 16));
  if (existsSync(cacheFolder)) {
    for (const name of readdirSync(cacheFolder)) {
      const other = join(cacheFolder, name);
      if (other === dir) continue;
      let owner: string | undefined;
      try {
        owner = readFileSync(join(other, ROOT_FILE), "utf8");
      } catch {
        owner = undefined;
      }
      // A folder without its root file may be one another build has just made: left alone.
      if (owner !== undefined && !existsSync(owner)) rmSync(other, { recursive: true, force: true });
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ROOT_FILE), root);
  return dir;
}

/** Astro's default cacheDir, which copies of the site share through their node_modules symlink. */
export const DEFAULT_CACHE_DIR = "node_modules/.astro";
export const SITES_FOLDER = "sites";

/**
 * When the site uses Astro's default cacheDir: a folder of its own inside it (siteCacheFolder), so that copies of
 * the site sharing node_modules never share Astro's caches (the content store, the incremental build's manifest and
 * its copies of built pages, which a warm build restores into the emptied dist/). Undefined when the config names
 * its own cacheDir (the benchmark's copies do), which is then used as it is.
 */
export function siteCacheDir(root: string, configured: string): string | undefined {
  const fallback = resolve(root, DEFAULT_CACHE_DIR);
  if (resolve(configured) !== fallback) return undefined;
  return siteCacheFolder(join(fallback, SITES_FOLDER), root);
}

export function lessonRenderCache(): AstroIntegration {
  const stats: RenderCacheStats = { compiled: 0, reused: 0 };
  const used = new Set<string>();
  let dir = "";
  return {
    name: "lesson-site:render-cache",
    hooks: {
      "astro:config:setup": ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const cacheDir = siteCacheDir(root, fileURLToPath(config.cacheDir));
        if (cacheDir !== undefined) updateConfig({ cacheDir: pathToFileURL(`${cacheDir}/`) as never });
        dir = join(cacheDir ?? fileURLToPath(config.cacheDir), CACHE_FOLDER);
        const processor = config.markdown.processor as MdxCapableProcessor;
        // The site's address comes from the environment (BASE_PATH, SITE_URL), not from the config file's text.
        const place = JSON.stringify([config.base, config.site, config.trailingSlash, config.build.format]);
        const digest = createHash("sha256").update(pipelineDigest(root)).update(place).digest("hex");
        updateConfig({
          markdown: { processor: cachedProcessor(processor, dir, digest, stats, used, logger) as never },
        });
      },
      "astro:build:done": ({ logger }) => {
        if (stats.compiled + stats.reused === 0) return;
        pruneCache(dir, used);
        logger.info(formatStats(stats));
      },
    },
  };
}
