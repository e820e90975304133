/**
 * npm run import -- <raw.md>... [--out <dir>] [--force]
 *
 * Turns raw Markdown lessons into draft MDX lessons. All inputs are normalized
 * and checked before anything is written, so a run either writes every lesson
 * or none: a half-imported batch would leave links and prerequisites between
 * the new lessons pointing at files that do not exist.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ImportError, normalizeLesson, type NormalizedLesson, type Note } from "../normalize/index";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DEFAULT_OUT = path.join(PROJECT_ROOT, "content", "lessons");
const DEFAULT_SOURCES = path.join(PROJECT_ROOT, "content", "sources");

const USAGE = `usage: npm run import -- <raw.md>... [--out <dir>] [--force]

Turns raw Markdown lessons into draft MDX lessons. A raw file from outside
content/sources/ is copied there unchanged, so every lesson keeps its source.

  --out <dir>      where to write the lessons (default: content/lessons/)
  --sources <dir>  where raw files are kept (default: content/sources/)
  --force          overwrite lessons that already exist
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
  const sourcesDir = values.sources === undefined ? DEFAULT_SOURCES : path.resolve(values.sources);
  const existingIds = await lessonIdsIn(outDir);
  const errors: ImportError[] = [];
  const inputs: Input[] = [];
  for (const file of positionals) {
    try {
      inputs.push(await readInput(file, sourcesDir));
    } catch (error) {
      errors.push(asImportError(error, file));
    }
  }

  // Ids first, so the lessons of one batch can link to each other.
  const batchIds = new Map<string, string>();
  for (const input of inputs) {
    try {
      const { id } = normalize(input, existingIds);
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
  }

  const knownIds = new Set([...existingIds, ...batchIds.keys()]);
  const lessons: Array<{ input: Input; lesson: NormalizedLesson; target: string }> = [];
  if (errors.length === 0) {
    for (const input of inputs) {
      const lesson = normalize(input, knownIds);
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

  await writeAll(outDir, lessons);
  for (const { input, lesson, target } of lessons) {
    console.log(`${input.file}`);
    for (const note of lesson.notes) console.log(`  ${formatNote(note)}`);
    if (input.copyTo !== undefined) console.log(`  copied the raw file unchanged to ${display(input.copyTo)}`);
    console.log(`  wrote ${display(target)}\n`);
  }
  return 0;
}

function normalize(input: Input, knownIds: ReadonlySet<string>): NormalizedLesson {
  return normalizeLesson(input.bytes, { file: input.file, source: input.source, knownIds });
}

async function readInput(file: string, sourcesDir: string): Promise<Input> {
  const absolute = path.resolve(file);
  const bytes = new Uint8Array(await readFile(absolute));
  const name = path.basename(absolute);
  const source = `content/sources/${name}`;
  if (path.dirname(absolute) === sourcesDir) return { file, bytes, source };

  const kept = path.join(sourcesDir, name);
  const existing = await readFile(kept).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === undefined) return { file, bytes, source, copyTo: kept };
  if (Buffer.compare(existing, bytes) === 0) return { file, bytes, source };
  throw new ImportError(file, `a different raw file ${display(kept)} already exists`, {
    hint: "rename your file; raw sources are never overwritten",
  });
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
 * Each lesson goes to a temporary file first and is renamed into place, so a
 * crash never leaves a half-written lesson for the site build to choke on. The
 * temporary names start with "." and do not end in .mdx: the content loader
 * ignores them.
 */
async function writeAll(
  outDir: string,
  lessons: ReadonlyArray<{ input: Input; lesson: NormalizedLesson; target: string }>,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const staged: Array<{ temporary: string; target: string }> = [];
  const stage = async (target: string, content: string | Uint8Array) => {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temporary, content, { flag: "wx" });
    staged.push({ temporary, target });
  };
  try {
    for (const { input, lesson, target } of lessons) {
      await stage(target, lesson.mdx);
      if (input.copyTo !== undefined) await stage(input.copyTo, input.bytes);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of staged) await rename(temporary, target);
}

function asImportError(error: unknown, file: string): ImportError {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new ImportError(file, "no such file");
  if (code === "EISDIR") return new ImportError(file, "is a directory, not a Markdown file");
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

process.exitCode = await main(process.argv.slice(2));
