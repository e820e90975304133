/**
 * The import command end to end: spawned as `npm run import` runs it, `node --import tsx src/cli/import.ts`, writing
 * into a temporary directory. (Not through the `tsx` command: its parent process relays a signal to the child and
 * SIGKILLs it when the child takes over 60 ms to acknowledge, which a busy machine does, leaving temporary files.)
 */
import { spawn, spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockRunner } from "../../../src/cli/check-blocks";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const CLI = ["--import", "tsx", "src/cli/import.ts"];
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

/** The import, without running the drafts' code blocks (that has its own test below) unless `--run` is given. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...(args.includes("--run") ? [] : ["--no-run"]), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // A hang (e.g. blocked on a FIFO) fails the test instead of stalling the suite; running blocks takes longer.
    timeout: args.includes("--run") ? 120_000 : 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const written = () => readdirSync(out);

/** Every file under content/, with its size and time, to see that an import changed nothing there. */
const projectFiles = () =>
  readdirSync(path.join(ROOT, "content"), { recursive: true, encoding: "utf8" })
    .sort()
    .map((name) => {
      const info = statSync(path.join(ROOT, "content", name));
      return `${name} ${info.size} ${info.mtimeMs}`;
    });

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

  it("with --out, changes nothing in the project and still resolves prerequisites against its lessons", () => {
    const raw = path.join(out, "raw", "gen-basics.md");
    mkdirSync(path.dirname(raw));
    writeFileSync(
      raw,
      "# Chapter 7 -- Generators\n\n## Prerequisites\n\n- Coroutines, Tasks and the Event Loop\n- Knitting\n\n" +
        "Generators are functions that yield values one at a time.\n",
    );
    // A second file of the batch names the first by its title ("Generators" is also a known topic: the lesson wins).
    const pipelines = path.join(out, "raw", "pipelines.md");
    writeFileSync(
      pipelines,
      "---\nrequires: [Generators]\n---\n# Generator Pipelines\n\nPipelines chain generators one after another.\n",
    );
    const drafts = path.join(out, "drafts");
    const before = projectFiles();
    const result = run(raw, pipelines, "--out", drafts);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(projectFiles()).toEqual(before);
    expect(readdirSync(drafts).sort()).toEqual(["gen-basics.mdx", "generator-pipelines.mdx", "sources"]);
    expect(readdirSync(path.join(drafts, "sources")).sort()).toEqual(["gen-basics.md", "pipelines.md"]);
    expect(readFileSync(path.join(drafts, "generator-pipelines.mdx"), "utf8")).toContain(
      "prerequisites:\n  - gen-basics\n",
    );
    const mdx = readFileSync(path.join(drafts, "gen-basics.mdx"), "utf8");
    expect(mdx).toContain("title: Generators\n");
    expect(mdx).toContain("prerequisites:\n  - coroutines-tasks-event-loop\n");
    expect(mdx).toContain("- Knitting (source line 6)\n*/}");
    expect(result.stdout).toContain('line 5: prerequisite "Coroutines, Tasks and the Event Loop" is the lesson');
    expect(result.stdout).toMatch(/line 6: prerequisite "Knitting" names no lesson/);
  });

  it(
    "--run runs the draft's blocks in the sandbox and says which outputs match, differ and fail",
    { timeout: 130_000 },
    (context) => {
      const runner = blockRunner();
      if ("problem" in runner) {
        console.warn(`skipped: the blocks cannot run here: ${runner.problem}`);
        context.skip();
      }
      const raw = path.join(out, "shown-output.md");
      writeFileSync(
        raw,
        "# Shown Output\n\nPython prints what you ask it to print.\n\n```python\nprint('hello')\n```\n\nOutput:\n\n```\nhello\n```\n\n" +
          "```python\nprint(1 + 1)\n```\n\nThis prints:\n\n```\n3\n```\n\n```python\nraise ValueError('boom')\n```\n",
      );
      const drafts = path.join(out, "drafts");
      const result = run(raw, "--out", drafts, "--run");
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      // Lines of the draft, whose frontmatter comes first: what npm test will name.
      const target = path.join(drafts, "shown-output.mdx");
      const draftLines = readFileSync(target, "utf8").split("\n");
      /** The fence lines around the one-line block whose code is `code`, as the log names them ("17-19"). */
      const span = (code: string, from = 0) => {
        const line = draftLines.indexOf(code, from) + 1;
        expect(line, `${code} in the draft`).toBeGreaterThan(0);
        return `${line - 1}-${line + 1}`;
      };
      const sumAt = draftLines.indexOf("print(1 + 1)");
      expect(result.stdout).toContain(`block    ${target}:${span("print('hello')")}: output matches\n`);
      expect(result.stdout).toContain(
        `block    ${target}:${span("print(1 + 1)")}: output differs\n      printed something other than its output block (${target}:${span("3", sumAt)})`,
      );
      expect(result.stdout).toContain(
        `block    ${target}:${span("raise ValueError('boom')")}: fails\n      raised an exception:`,
      );
      expect(result.stdout).toMatch(/ValueError: boom/);
      expect(result.stdout).toContain("blocks   1 output matches, 1 differs, 1 fails");
    },
  );

  it("copies a lesson's local images next to it, and never follows a symbolic link out of the raw file's folder", () => {
    const raw = path.join(out, "raw");
    mkdirSync(path.join(raw, "img"), { recursive: true });
    const fixture = path.join(ROOT, FIXTURES, "formats");
    writeFileSync(path.join(raw, "html-solutions.md"), readFileSync(path.join(fixture, "html-solutions.md")));
    copyFileSync(path.join(fixture, "img/event-loop.png"), path.join(raw, "img/event-loop.png"));
    symlinkSync(path.join(fixture, "img/Task States.png"), path.join(raw, "img/Task States.png"));
    const drafts = path.join(out, "drafts");
    const result = run(path.join(raw, "html-solutions.md"), "--out", drafts);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(path.join(drafts, "html-solutions"))).toEqual(["event-loop.png"]);
    expect(readFileSync(path.join(drafts, "html-solutions/event-loop.png"))).toEqual(
      readFileSync(path.join(fixture, "img/event-loop.png")),
    );
    const mdx = readFileSync(path.join(drafts, "html-solutions.mdx"), "utf8");
    expect(mdx).toContain("![The event loop runs one task at a time](./html-solutions/event-loop.png)");
    expect(result.stdout).toMatch(/line 14: image img\/Task States\.png: no such image file beside the raw lesson/);
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

/** Every file under `dir`, relative to it. */
const allFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).sort() : [];

/**
 * Input built to crash or hang the importer. Each gets exactly one error line
 * naming the file (and line), exit code 1, no stack trace, and nothing on disk:
 * no lesson, no copied source, no temporary file.
 */
describe("bad input never crashes the import", { timeout: 30_000 }, () => {
  const prose = "# Deep Lesson\n\nAsyncio runs many tasks on one thread with the event loop.\n\n";

  function expectOneCleanError(result: ReturnType<typeof run>, location: string, reason: RegExp) {
    expect(result.status).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => line.startsWith("error: "));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.startsWith(`error: ${location}: `)).toBe(true);
    expect(errors[0]).toMatch(reason);
    expect(result.stderr).toContain("import: nothing written (1 error)");
    expect(result.stderr).not.toMatch(/RangeError|ReferenceError|\n\s+at /);
    expect(allFiles(path.join(out, "lessons"))).toEqual([]);
    expect(allFiles(path.join(out, "sources"))).toEqual([]);
  }
  const runInto = (...inputs: string[]) =>
    run(...inputs, "--out", path.join(out, "lessons"), "--sources", path.join(out, "sources"));

  it.each([
    ["3,000 `>` quote markers (RangeError in remark)", ">".repeat(3000) + " deep\n", 5],
    ["3,000 list markers (RangeError in remark)", "- ".repeat(3000) + "deep\n", 5],
    [
      "40 indented list levels (past the limit)",
      Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n"),
      5 + 32,
    ],
  ])("deep nesting, %s: one error at the line", (_, deep, line) => {
    const file = path.join(out, "deep.md");
    writeFileSync(file, prose + deep);
    expectOneCleanError(
      runInto(file),
      `${file}:${line}`,
      /levels deep here, over the limit of 32; flatten the nesting/,
    );
  });

  it("a file over 1 MiB is refused without being read", () => {
    const file = path.join(out, "huge.md");
    writeFileSync(file, prose + "word ".repeat(220_000));
    expectOneCleanError(runInto(file), file, /over the limit of 1 MiB \(1,048,576 bytes\) per lesson; split it/);
  });

  it("a FIFO as input is refused at once instead of blocking the import forever", () => {
    const fifo = path.join(out, "pipe.md");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    expectOneCleanError(runInto(fifo), fifo, /is a named pipe \(FIFO\), not a Markdown file/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("a folder as input is refused, suggesting its files", () => {
    const folder = path.join(out, "drafts");
    mkdirSync(folder);
    expectOneCleanError(runInto(folder), folder, /is a folder, not a Markdown file \(give the files in it/);
  });

  it("--out pointing at a file is refused before anything is read or written", () => {
    const file = path.join(out, "lessons");
    writeFileSync(file, "not a folder\n");
    const result = run(`${FIXTURES}/mdx-hazards.md`, "--out", file, "--sources", path.join(out, "sources"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${file}: is a file, but --out must name a folder`);
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
    expect(allFiles(path.join(out, "sources"))).toEqual([]);
  });

  it("a YAML alias bomb (billion laughs) in frontmatter is refused at its line", () => {
    expectOneCleanError(
      runInto(`${FIXTURES}/alias-bomb.md`),
      `${FIXTURES}/alias-bomb.md:2`,
      /unusable YAML frontmatter: Excessive alias count/,
    );
  });

  it('an emoji-only title is refused instead of writing ".mdx" with the id ""', () => {
    expectOneCleanError(
      runInto(`${FIXTURES}/emoji_title.md`),
      `${FIXTURES}/emoji_title.md`,
      /has no letters or digits to make a lesson id from \(give the lesson a title with letters/,
    );
  });
});

/**
 * Ctrl-C in the middle of a large batch, for real: the CLI runs in its own
 * process group and the whole group gets the signal, as from a terminal. Sent
 * at the first output line ("writing N lessons"), it lands while the lessons
 * are staged or renamed; sent at the first written lesson, it lands while they
 * are renamed into place. Before the fix this left hundreds of .tmp files.
 */
describe("a signal during a batch import", { timeout: 60_000 }, () => {
  /** Lessons in the batch: their reports (about 640 bytes each) overflow a 64 KiB pipe and 64 KiB buffer twice. */
  const BATCH = 400;

  it.each([
    ["SIGINT", "at the first output line", /^writing /m],
    ["SIGTERM", "at the first written lesson", /^ {2}wrote /m],
  ] as const)(
    "%s %s: no temporary files, every written lesson complete, and a report of what was not written",
    async (signal, _, trigger) => {
      const raw = path.join(out, "raw");
      mkdirSync(raw);
      const files = Array.from({ length: BATCH }, (_, i) => {
        const file = path.join(raw, `raw_${i}.md`);
        writeFileSync(
          file,
          `# Batch Lesson ${i}\n\nAsyncio runs many tasks on one thread with the event loop.\n\n` +
            "```python\nimport asyncio\n```\n",
        );
        return file;
      });
      const lessons = path.join(out, "lessons");
      const sources = path.join(out, "sources");
      const child = spawn(process.execPath, [...CLI, ...files, "--out", lessons, "--sources", sources, "--no-run"], {
        cwd: ROOT,
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      let sent = false;
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (!sent && trigger.test(stdout)) {
          // Stop reading for a moment: the import blocks on its reports once the pipe and the stream's buffer are
          // full, so even on a busy machine it cannot finish the batch before the signal is sent.
          sent = true;
          child.stdout.pause();
          process.kill(-child.pid!, signal);
          setTimeout(() => child.stdout.resume(), 300);
        }
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on("close", resolve));

      expect(status).toBe(signal === "SIGINT" ? 130 : 143);
      expect(stdout.split("\n")[0]).toBe(`writing ${BATCH} lessons to ${lessons}`);
      const everything = [...allFiles(lessons), ...allFiles(sources), ...allFiles(raw)];
      expect(everything.filter((name) => name.endsWith(".tmp"))).toEqual([]);

      // What the report lists as written is exactly what is on disk, each lesson whole and with its source.
      const reported = [...stdout.matchAll(/ {2}wrote (.+\.mdx)$/gm)].map((match) => path.basename(match[1]!));
      expect(reported.length).toBeLessThan(BATCH);
      if (reported.length === 0) {
        expect(stderr).toBe(`import: interrupted by ${signal}: nothing written\n`);
      } else {
        expect(stderr).toMatch(
          new RegExp(`^import: interrupted by ${signal}: wrote ${reported.length} of ${BATCH} lessons .*not written: `),
        );
      }
      if (trigger.source.includes("wrote")) expect(reported.length).toBeGreaterThan(0);
      expect(allFiles(lessons)).toEqual([...reported].sort());
      expect(allFiles(sources)).toHaveLength(reported.length);
      for (const name of reported) {
        const mdx = readFileSync(path.join(lessons, name), "utf8");
        expect(mdx).toMatch(/^---\ntitle: Batch Lesson \d+\n[\s\S]*\ndraft: true\n---\n/);
        expect(mdx.trimEnd().endsWith("```")).toBe(true);
        await expect(compile(mdx, { remarkPlugins: [remarkGfm, remarkFrontmatter] })).resolves.toBeDefined();
      }
    },
  );
});
