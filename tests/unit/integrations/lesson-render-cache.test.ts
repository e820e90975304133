import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cachedProcessor,
  formatStats,
  pruneCache,
  siteCacheDir,
  siteCacheFolder,
  type RenderCacheStats,
} from "../../../src/integrations/lesson-render-cache";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), "render-cache-test-"));
  folders.push(folder);
  return folder;
};

/** A processor whose renderer counts its calls and fails on "BROKEN". */
function counting() {
  const calls: string[] = [];
  const processor = {
    name: "test",
    options: {},
    createRenderer: () => undefined,
    createMdxRenderer: async (_shared: object, _mdx: object) => ({
      async process(content: string, filePath: string, _frontmatter: Record<string, unknown>) {
        calls.push(`${filePath}:${content}`);
        if (content.includes("BROKEN")) throw new Error(`${filePath}: broken lesson`);
        return { code: `export default ${JSON.stringify(content)}`, map: null, astroMetadata: { propagation: "none" } };
      },
    }),
  };
  return { processor, calls };
}

async function renderer(dir: string, digest = "digest") {
  const { processor, calls } = counting();
  const stats: RenderCacheStats = { compiled: 0, reused: 0 };
  const used = new Set<string>();
  const cached = cachedProcessor(processor, dir, digest, stats, used);
  expect(cached.options, "the processor's options object is kept, so integrations may still change it").toBe(
    processor.options,
  );
  return { render: await cached.createMdxRenderer!({}, {}), calls, stats, used };
}

describe("cachedProcessor", () => {
  it("compiles a lesson once and returns the stored result to a later build", async () => {
    const dir = tempFolder();
    const first = await renderer(dir);
    const result = await first.render.process("Hello", "/site/a.mdx", { title: "A" });
    expect(first.stats).toEqual({ compiled: 1, reused: 0 });

    const second = await renderer(dir);
    expect(await second.render.process("Hello", "/site/a.mdx", { title: "A" })).toEqual(result);
    expect(second.calls).toEqual([]);
    expect(formatStats(second.stats)).toBe("lesson render cache: 0 compiled, 1 reused from the cache");
  });

  it("compiles again when the text, the frontmatter, the path or the pipeline changes", async () => {
    const dir = tempFolder();
    await (await renderer(dir)).render.process("Hello", "/site/a.mdx", { title: "A" });
    const again = await renderer(dir);
    await again.render.process("Hello!", "/site/a.mdx", { title: "A" });
    await again.render.process("Hello", "/site/a.mdx", { title: "B" });
    await again.render.process("Hello", "/site/b.mdx", { title: "A" });
    expect(again.stats).toEqual({ compiled: 3, reused: 0 });
    const changedCode = await renderer(dir, "another digest");
    await changedCode.render.process("Hello", "/site/a.mdx", { title: "A" });
    expect(changedCode.stats.compiled).toBe(1);
  });

  it("never stores a lesson that fails, so its error comes back", async () => {
    const dir = tempFolder();
    const first = await renderer(dir);
    await expect(first.render.process("BROKEN", "/site/a.mdx", {})).rejects.toThrow("broken lesson");
    const second = await renderer(dir);
    await expect(second.render.process("BROKEN", "/site/a.mdx", {})).rejects.toThrow("broken lesson");
    expect(second.calls).toHaveLength(1);
  });
});

describe("pruneCache and siteCacheFolder", () => {
  it("deletes entries the build did not use", async () => {
    const dir = siteCacheFolder(tempFolder(), "/site");
    const first = await renderer(dir);
    await first.render.process("old", "/site/a.mdx", {});
    const second = await renderer(dir);
    await second.render.process("new", "/site/a.mdx", {});
    expect(pruneCache(dir, second.used)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([...second.used, "root.txt"].sort());
  });

  it("gives each site root its own folder and removes those of roots that are gone", () => {
    const cache = tempFolder();
    const live = tempFolder();
    const gone = siteCacheFolder(cache, join(live, "deleted-site"));
    const kept = siteCacheFolder(cache, live);
    expect(kept).not.toBe(gone);
    expect(existsSync(gone)).toBe(false);
    expect(siteCacheFolder(cache, join(live, "other"))).not.toBe(kept);
    expect(existsSync(kept)).toBe(true);
  });

  it("moves Astro's default cacheDir into a folder of the site's own, and leaves a configured one alone", () => {
    const root = tempFolder();
    const own = siteCacheDir(root, join(root, "node_modules/.astro/"));
    expect(own).toMatch(new RegExp(`^${join(root, "node_modules/.astro/sites/")}[0-9a-f]{16}$`));
    expect(readdirSync(own!)).toEqual(["root.txt"]);
    expect(siteCacheDir(root, join(root, "node_modules/.astro"))).toBe(own);
    expect(siteCacheDir(join(root, "copy"), join(root, "copy/node_modules/.astro"))).not.toBe(own);
    expect(siteCacheDir(root, join(root, ".bench-cache"))).toBeUndefined();
  });
});
