/** The import command end to end: spawned as `tsx src/cli/import.ts`, writing into a temporary directory. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const FIXTURES = "tests/fixtures/import";
const SOURCES = readdirSync(path.join(ROOT, "content/sources"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `content/sources/${name}`);

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), "import-test-"));
});
afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(TSX, ["src/cli/import.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // tsx starts `node` from PATH: make it the node running the tests.
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const written = () => readdirSync(out);

describe("import CLI", { timeout: 30_000 }, () => {
  it("writes one compiling draft per source and reports what it inferred", async () => {
    const result = run(...SOURCES, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(written().sort()).toEqual([
      "async-await-advanced.mdx",
      "async-await-intro.mdx",
      "coroutines-tasks-event-loop.mdx",
      "python-async-functions.mdx",
    ]);
    for (const name of written()) {
      const mdx = readFileSync(path.join(out, name), "utf8");
      await expect(compile(mdx, { remarkPlugins: [remarkGfm, remarkFrontmatter] })).resolves.toBeDefined();
      expect(result.stdout).toContain(`wrote ${path.join(out, name)}`);
    }
    expect(result.stdout).toContain(
      'title: "Asynchronous Programming with Async/Await" (first heading, removed "Lesson 23:", removed "(10 minutes)")',
    );
    expect(result.stdout).toContain('line 77: mojibake "ðŸ”—" -> "🔗"');
    expect(result.stdout).toMatch(/difficulty: "beginner" \(\d advanced, \d intermediate signals\)/);
    expect(result.stdout).toMatch(/keywords: \[.*"asyncio".*\]/);
    expect(result.stdout).toContain("duration: 10 (stated in the title)");
    expect(result.stdout).toContain('description: "Asynchronous programming allows your code');
  });

  it.each([
    ["empty.md", 1, "the file is empty"],
    ["broken-yaml.md", 4, "broken YAML frontmatter"],
    ["unclosed-fence.md", 5, "code fence ``` opened on line 5 is never closed"],
    ["unclosed-frontmatter.md", 1, "frontmatter opened on line 1 is never closed"],
  ])("%s: exits 1 naming file and line, and writes nothing for any input", (name, line, reason) => {
    const result = run(SOURCES[0] ?? "", `${FIXTURES}/${name}`, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${FIXTURES}/${name}:${line}: ${reason}`);
    expect(result.stderr).toContain("nothing written");
    expect(written()).toEqual([]);
  });

  it("rejects a file without a heading", () => {
    const result = run(`${FIXTURES}/no-heading.md`, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${FIXTURES}/no-heading.md: no heading to take the title from`);
    expect(written()).toEqual([]);
  });

  it("rejects invalid UTF-8 with its line", () => {
    const file = path.join(out, "latin1.md");
    writeFileSync(file, Buffer.from([...Buffer.from("# Caf"), 0xe9, ...Buffer.from("\n\nText.\n")]));
    const target = mkdtempSync(path.join(tmpdir(), "import-out-"));
    try {
      const result = run(file, "--out", target);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: ${file}:1: invalid UTF-8 at byte 5 (0xE9)`);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it("reports every broken input of a run, not just the first", () => {
    const result = run(`${FIXTURES}/empty.md`, `${FIXTURES}/unclosed-fence.md`, "missing.md", "--out", out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${FIXTURES}/empty.md:1:`);
    expect(result.stderr).toContain(`${FIXTURES}/unclosed-fence.md:5:`);
    expect(result.stderr).toContain("missing.md: no such file");
    expect(result.stderr).toContain("nothing written (3 errors)");
  });

  it("copies a raw file from elsewhere, unchanged, into the sources folder", () => {
    const sources = path.join(out, "sources");
    const lessons = path.join(out, "lessons");
    const result = run(`${FIXTURES}/mdx-hazards.md`, "--out", lessons, "--sources", sources);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(sources, "mdx-hazards.md"))).toEqual(
      readFileSync(path.join(ROOT, FIXTURES, "mdx-hazards.md")),
    );
    expect(readFileSync(path.join(lessons, "mdx-hazards.mdx"), "utf8")).toContain(
      "source: content/sources/mdx-hazards.md",
    );
    expect(result.stdout).toContain(`copied the raw file unchanged to ${path.join(sources, "mdx-hazards.md")}`);
  });

  it("never replaces a different raw file of the same name", () => {
    const sources = path.join(out, "sources");
    mkdirSync(sources);
    writeFileSync(path.join(sources, "mdx-hazards.md"), "# Someone else's lesson\n");
    const result = run(`${FIXTURES}/mdx-hazards.md`, "--out", path.join(out, "lessons"), "--sources", sources);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`a different raw file ${path.join(sources, "mdx-hazards.md")} already exists`);
    expect(readFileSync(path.join(sources, "mdx-hazards.md"), "utf8")).toBe("# Someone else's lesson\n");
    expect(written()).toEqual(["sources"]);
  });

  it("never overwrites a lesson without --force, and does with it", () => {
    const source = "content/sources/async-await-intro.md";
    const target = path.join(out, "async-await-intro.mdx");
    writeFileSync(target, "hand-edited\n");

    const refused = run(source, "content/sources/python-async-functions.md", "--out", out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`error: ${target}: already exists`);
    expect(refused.stderr).toContain("pass --force to overwrite it");
    expect(readFileSync(target, "utf8")).toBe("hand-edited\n");
    expect(written()).toEqual(["async-await-intro.mdx"]);

    const forced = run(source, "--out", out, "--force");
    expect(forced.status).toBe(0);
    expect(readFileSync(target, "utf8")).toMatch(/^---\ntitle: Asynchronous Programming with Async\/Await\n/);
    // No temporary files left behind.
    expect(written()).toEqual(["async-await-intro.mdx"]);
  });

  it.each([[[]], [["--bogus", "content/sources/async-await-intro.md"]], [["--out"]]])(
    "%j: prints usage and exits 2",
    (args) => {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("usage: npm run import -- <raw.md>... [--out <dir>] [--force]");
    },
  );
});
