/**
 * npm run import -- <raw.md>... [--out <dir>] [--force]
 *
 * Turns raw Markdown lessons into draft MDX lessons. All inputs are normalized
 * and checked before anything is written, so a run either writes every lesson
 * or none: a half-imported batch would leave links and prerequisites between
 * the new lessons pointing at files that do not exist. The one exception is a
 * SIGINT or SIGTERM while the lessons are being renamed into place: the run
 * then stops after the lesson in hand, says which lessons were written (each
 * complete, with its source) and which were not, and exits 130 (143).
 *
 * Input that cannot be a lesson never crashes the command: each problem is one
 * "error: file[:line]: what (what to do)" line and exit code 1. Inputs are
 * opened non-blocking and must be regular files within the size limit, and
 * the text is checked against the nesting limit before any parser sees it
 * (src/lessons/limits.ts).
 */
import { constants, lstatSync, rmSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { MAX_YAML_ALIASES, sizeProblem } from "../lessons/limits";
import { blockRunner, checkBlocks } from "./check-blocks";
import {
  ImportError,
  normalizeLesson,
  type KnownLesson,
  type KnownLessons,
  type NormalizedLesson,
  type Note,
} from "../normalize/index";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DEFAULT_OUT = path.join(PROJECT_ROOT, "content", "lessons");
const DEFAULT_SOURCES = path.join(PROJECT_ROOT, "content", "sources");

const USAGE = `usage: npm run import -- <raw.md>... [--out <dir>] [--force] [--no-run]

Turns raw Markdown lessons into draft MDX lessons. A raw file from outside
content/sources/ is copied unchanged to the sources folder, so every lesson
keeps its source.

  --out <dir>      where to write the lessons (default: content/lessons/); with
                   --out nothing in the project changes
  --sources <dir>  where raw files are kept (default: content/sources/, or
                   <out>/sources/ with --out)
  --force          overwrite lessons that already exist
  --run            run each draft's Python blocks in the sandbox and report
                   which outputs match, differ or fail (the default when
                   Python and bubblewrap are available)
  --no-run         do not run the blocks
  --help           show this message`;

interface Input {
  file: string;
  bytes: Uint8Array;
  /** The lesson's `source` field: content/sources/<name>. */
  source: string;
  /** Where to keep a copy of the raw file, when it is not in the sources folder yet. */
  copyTo?: string;
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        sources: { type: "string" },
        force: { type: "boolean", short: "f", default: false },
        run: { type: "boolean" },
        "no-run": { type: "boolean" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`import: no input files\n\n${USAGE}`);
    return 2;
  }

  const outDir = values.out === undefined ? DEFAULT_OUT : path.resolve(values.out);
  // --out elsewhere writes only there: the raw copies go beside the drafts, not into the project.
  const sourcesDir =
    values.sources !== undefined
      ? path.resolve(values.sources)
      : outDir === DEFAULT_OUT
        ? DEFAULT_SOURCES
        : path.join(outDir, "sources");
  const errors: ImportError[] = [];
  for (const [option, dir] of [
    ["--out", outDir],
    ["--sources", sourcesDir],
  ] as const) {
    const problem = await folderProblem(option, dir);
    if (problem !== undefined) errors.push(problem);
  }
  const existingIds = errors.length === 0 ? await lessonIdsIn(outDir) : new Set<string>();
  // Prerequisites may name the project's lessons even when the drafts go elsewhere (read only).
  const siteLessons = errors.length === 0 ? await knownLessonsIn([DEFAULT_OUT, outDir]) : [];
  const inputs: Input[] = [];
  for (const file of positionals) {
    try {
      inputs.push(await readInput(file, sourcesDir));
    } catch (error) {
      errors.push(asImportError(error, file));
    }
    if (interrupted.signal !== undefined) return stopped([], positionals);
  }

  // Ids first, so the lessons of one batch can link to each other.
  const batchIds = new Map<string, string>();
  const batchLessons: KnownLesson[] = [];
  for (const input of inputs) {
    try {
      const { id, frontmatter } = normalize(input, siteLessons);
      batchLessons.push({ id, title: frontmatter.title });
      const other = batchIds.get(id);
      if (other !== undefined) {
        errors.push(
          new ImportError(input.file, `lesson id "${id}" is also the id of ${other}`, {
            hint: "import them separately or rename one",
          }),
        );
      }
      batchIds.set(id, input.file);
    } catch (error) {
      errors.push(asImportError(error, input.file));
    }
    // Let a Ctrl-C in: normalizing a large batch takes a while.
    await nextTurn();
    if (interrupted.signal !== undefined) return stopped([], positionals);
  }

  const knownLessons = [...batchLessons, ...siteLessons];
  const lessons: Planned[] = [];
  if (errors.length === 0) {
    for (const input of inputs) {
      const lesson = normalize(input, knownLessons);
      const target = path.join(outDir, `${lesson.id}.mdx`);
      if (existingIds.has(lesson.id) && !values.force) {
        errors.push(
          new ImportError(display(target), `already exists (imported from ${input.file})`, {
            hint: "pass --force to overwrite it",
          }),
        );
      }
      lessons.push({ input, lesson, target });
    }
  }

  if (errors.length > 0) {
    for (const error of errors) console.error(`error: ${error.message}`);
    console.error(`import: nothing written (${errors.length} error${errors.length === 1 ? "" : "s"})`);
    return 1;
  }

  // Before writing: the run's report is printed with each lesson's notes.
  const checks = new Map<Planned, string[]>();
  if (values["no-run"] !== true) {
    const runner = blockRunner();
    if ("problem" in runner) {
      const note = `blocks not run: ${runner.problem}`;
      if (values.run === true) {
        console.error(`error: ${note}`);
        return 1;
      }
      for (const planned of lessons) checks.set(planned, [note]);
    } else {
      for (const planned of lessons) {
        checks.set(planned, await checkBlocks(planned.lesson.mdx, display(planned.target), runner));
        if (interrupted.signal !== undefined) return stopped([], positionals);
      }
    }
  }

  if (lessons.length > 1) console.log(`writing ${lessons.length} lessons to ${display(outDir)}\n`);
  const done = await writeAll(outDir, lessons, (written) => {
    const { input, lesson, target } = written;
    console.log(`${input.file}`);
    for (const note of lesson.notes) console.log(`  ${formatNote(note)}`);
    for (const line of checks.get(written) ?? []) console.log(`  ${line}`);
    if (input.copyTo !== undefined) {
      const move = sourcesDir === DEFAULT_SOURCES ? "" : ` (move it to content/sources/ with the lesson)`;
      console.log(`  copied the raw file unchanged to ${display(input.copyTo)}${move}`);
    }
    console.log(`  wrote ${display(target)}\n`);
  });
  if (done.length < lessons.length) return stopped(done, positionals, done.length > 0);
  return 0;
}

interface Planned {
  input: Input;
  lesson: NormalizedLesson;
  target: string;
}

/** The first SIGINT or SIGTERM; the import stops at the next safe point (see writeAll). */
const interrupted: { signal: NodeJS.Signals | undefined } = { signal: undefined };

/** Temporary files that exist right now, removed however the import ends. */
const temporaries = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted.signal === undefined) {
    interrupted.signal = signal;
    return;
  }
  // A second Ctrl-C: stop at once, still without leaving temporary files.
  for (const file of temporaries) rmSync(file, { force: true });
  console.error(`import: stopped by a second ${signal}; lessons listed above as written are complete`);
  process.exit(exitCodeFor(signal));
}

const exitCodeFor = (signal: NodeJS.Signals | undefined) =>
  signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1;

/** Reports an import cut short by a signal or a failed write: what was written, what was not. */
function stopped(written: readonly Planned[], positionals: readonly string[], partly = false): number {
  const why = interrupted.signal === undefined ? "stopped by the error above" : `interrupted by ${interrupted.signal}`;
  const done = new Set(written.map(({ input }) => input.file));
  const missing = positionals.filter((file) => !done.has(file));
  if (!partly) {
    console.error(`import: ${why}: nothing written`);
  } else {
    const shown = missing.slice(0, 10).join(", ");
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : "";
    console.error(
      `import: ${why}: wrote ${written.length} of ${positionals.length} lessons (each listed above, complete); ` +
        `not written: ${shown}${more}. Run the import again for those.`,
    );
  }
  return exitCodeFor(interrupted.signal);
}

function normalize(input: Input, knownLessons: KnownLessons): NormalizedLesson {
  return normalizeLesson(input.bytes, {
    file: input.file,
    source: input.source,
    knownLessons,
    fileExists: imageFileIn(path.dirname(path.resolve(input.file))),
  });
}

/** Largest image file the import copies. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Whether a local image path names a file the import may copy: a regular
 * file (not a symbolic link, which could point at any file on this machine)
 * inside the raw file's folder, of at most 10 MiB.
 */
function imageFileIn(folder: string): (relative: string) => boolean {
  return (relative) => {
    const file = path.resolve(folder, relative);
    if (path.relative(folder, file).startsWith("..")) return false;
    try {
      const info = lstatSync(file);
      return info.isFile() && info.size <= MAX_IMAGE_BYTES;
    } catch {
      return false;
    }
  };
}

/** `--out` and `--sources` name folders: created when missing, an error when something else is there. */
async function folderProblem(option: string, dir: string): Promise<ImportError | undefined> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    if (error.code === "ENOTDIR") return "under a file";
    throw error;
  });
  if (found === undefined || (typeof found !== "string" && found.isDirectory())) return undefined;
  const what = found === "under a file" ? "is inside a file" : "is a file";
  return new ImportError(display(dir), `${what}, but ${option} must name a folder`, {
    hint: `give ${option} a folder; it is created if missing`,
  });
}

async function readInput(file: string, sourcesDir: string): Promise<Input> {
  const absolute = path.resolve(file);
  const bytes = await readRegularFile(absolute, file);
  const name = path.basename(absolute);
  const source = `content/sources/${name}`;
  if (path.dirname(absolute) === sourcesDir || path.dirname(absolute) === DEFAULT_SOURCES)
    return { file, bytes, source };

  const kept = path.join(sourcesDir, name);
  const existing = await readRegularFile(kept, display(kept)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === undefined) return { file, bytes, source, copyTo: kept };
  if (Buffer.compare(existing, bytes) === 0) return { file, bytes, source };
  throw new ImportError(file, `a different raw file ${display(kept)} already exists`, {
    hint: "rename your file; raw sources are never overwritten",
  });
}

/**
 * Reads a file that must be a regular file of at most MAX_LESSON_BYTES. It is
 * opened non-blocking and checked on the open handle before any read, so a
 * FIFO can neither block the import nor be swapped in after the check, and a
 * huge file is refused without being read.
 */
async function readRegularFile(absolute: string, shown: string): Promise<Uint8Array> {
  const handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) {
      throw new ImportError(shown, "is a folder, not a Markdown file", {
        hint: `give the files in it, e.g. ${path.join(shown, "*.md")}`,
      });
    }
    if (!info.isFile()) {
      throw new ImportError(shown, `is ${specialKind(info)}, not a Markdown file`, {
        hint: "save the lesson to a file and import that",
      });
    }
    const size = sizeProblem(info.size);
    if (size !== undefined) throw new ImportError(shown, size.message);
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

function specialKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean }): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  return "a device";
}

/**
 * The lessons in these folders, with their titles when the frontmatter states
 * one, for prerequisites named by title. A file whose frontmatter does not
 * parse still counts by its id: the build reports it, not the import.
 */
async function knownLessonsIn(dirs: readonly string[]): Promise<KnownLesson[]> {
  const found = new Map<string, KnownLesson>();
  for (const dir of new Set(dirs)) {
    for (const id of await lessonIdsIn(dir)) {
      if (found.has(id)) continue;
      const text = await readFile(path.join(dir, `${id}.mdx`), "utf8").catch(() => "");
      found.set(id, { id, ...titleOf(text) });
    }
  }
  return [...found.values()];
}

function titleOf(mdx: string): { title?: string } {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  if (block === null) return {};
  try {
    const data: unknown = parseYaml(block[1] ?? "", { maxAliasCount: MAX_YAML_ALIASES });
    const title = (data as { title?: unknown } | null)?.title;
    return typeof title === "string" ? { title } : {};
  } catch {
    return {};
  }
}

async function lessonIdsIn(dir: string): Promise<Set<string>> {
  try {
    const names = await readdir(dir);
    return new Set(
      names
        .filter((name) => name.endsWith(".mdx") && !name.startsWith("."))
        .map((name) => name.slice(0, -".mdx".length)),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
}

/**
 * Writes the lessons in two steps. First every lesson (and the copy of its raw
 * file) goes to a temporary file; then lesson after lesson is renamed into
 * place, its raw file first so a written lesson always has its source. A crash
 * never leaves a half-written lesson for the site build to choke on, and the
 * temporary names start with "." and do not end in .mdx: the content loader
 * ignores them.
 *
 * A SIGINT or SIGTERM is handled between steps: while staging, the temporary
 * files are removed and nothing is written; while renaming, the lessons
 * renamed so far stay (each complete, with its source) and the rest are
 * removed. `report` is called for each lesson once it is in place. Returns
 * the lessons written.
 */
async function writeAll(
  outDir: string,
  lessons: readonly Planned[],
  report: (lesson: Planned) => void,
): Promise<Planned[]> {
  const staged: Array<{ lesson: Planned; files: Array<{ temporary: string; target: string }> }> = [];
  const stage = async (target: string, content: string | Uint8Array) => {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    await mkdir(path.dirname(target), { recursive: true });
    temporaries.add(temporary);
    await writeFile(temporary, content, { flag: "wx" });
    return { temporary, target };
  };
  const removeTemporaries = async () => {
    await Promise.all([...temporaries].map((file) => rm(file, { force: true })));
    temporaries.clear();
  };

  const written: Planned[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    for (const planned of lessons) {
      const { input, lesson, target } = planned;
      const files = [];
      if (input.copyTo !== undefined) files.push(await stage(input.copyTo, input.bytes));
      for (const asset of lesson.assets) {
        const bytes = await readFile(path.resolve(path.dirname(path.resolve(input.file)), asset.from));
        files.push(await stage(path.join(outDir, asset.to), bytes));
      }
      files.push(await stage(target, lesson.mdx));
      staged.push({ lesson: planned, files });
      if (interrupted.signal !== undefined) break;
    }
    if (interrupted.signal === undefined) {
      for (const { lesson, files } of staged) {
        for (const { temporary, target } of files) {
          await rename(temporary, target);
          temporaries.delete(temporary);
        }
        written.push(lesson);
        report(lesson);
        if (interrupted.signal !== undefined) break;
      }
    }
  } catch (error) {
    console.error(`error: ${writeFailure(error)}`);
  } finally {
    await removeTemporaries();
  }
  return written;
}

/** A failed write as one line: the file, and what went wrong, without a stack trace. */
function writeFailure(error: unknown): string {
  const { code, path: file, message } = error as NodeJS.ErrnoException;
  if (file === undefined) return message;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOSPC: "the disk is full",
    EROFS: "the file system is read-only",
    ENOTDIR: "a folder on its path is a file",
    EEXIST: "already exists",
  };
  return `${display(file)}: could not write it: ${(code !== undefined && reasons[code]) || message}`;
}

function asImportError(error: unknown, file: string): ImportError {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new ImportError(file, "no such file");
  if (code === "EISDIR") return new ImportError(file, "is a folder, not a Markdown file");
  if (code === "EACCES" || code === "EPERM") return new ImportError(file, "permission denied");
  if (code === "ENOTDIR") return new ImportError(file, "no such file (a folder on its path is a file)");
  if (code === "ELOOP") return new ImportError(file, "is a symbolic link that loops");
  throw error;
}

function formatNote(note: Note): string {
  return `${note.kind.padEnd(9)}${note.line === undefined ? "" : `line ${note.line}: `}${note.message}`;
}

/** Paths under the working directory relative to it, others absolute. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not bad input: say so, with the stack, and still leave no temporary files behind.
  for (const file of temporaries) rmSync(file, { force: true });
  console.error("import: internal error, nothing more written:", error);
  process.exitCode = 1;
}
