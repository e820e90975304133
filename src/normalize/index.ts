/**
 * normalizeLesson: one raw Markdown lesson in, one draft MDX lesson out.
 * Pure: no file system access, so the CLI can validate every input before it
 * writes anything, and tests can run it on strings.
 *
 * Steps: decode strictly as UTF-8, repair mojibake, parse, reject what cannot
 * be a lesson (unclosed fences, broken frontmatter, no title), edit the body
 * (see body.ts), infer the missing frontmatter from the finished body (see
 * infer.ts), and validate the result with the lesson schema.
 */
import { nestingProblem, sizeProblem } from "../lessons/limits";
import { lessonSchema, type LessonData } from "../lessons/schema";
import { transformBody, type Removal } from "./body";
import { assetPlan, type Asset, type FileExists } from "./body-steps/assets";
import { decodeSource } from "./decode";
import { ImportError } from "./errors";
import { assertFencesClosed } from "./fences";
import { mapFrontmatter, readFrontmatter, type SourceFrontmatter } from "./frontmatter";
import { completeFields } from "./infer";
import { lessonIdFor } from "../lessons/ids";
import { blockRange, headingText, lineOf, parseMarkdown } from "./markdown";
import { repairMojibake } from "./mojibake";
import type { Note } from "./notes";
import { unresolvedComment, type KnownLessons } from "./prerequisites";
import { outline, type Outline } from "./sections";
import { toMdx } from "./serialize";
import { cleanTitle, type CleanTitle } from "./title";

export { ImportError } from "./errors";
export type { Note, NoteKind } from "./notes";
export type { KnownLesson, KnownLessons } from "./prerequisites";
export type { Asset, FileExists } from "./body-steps/assets";

export interface NormalizeOptions {
  /** The input path as the user gave it, for messages. */
  file: string;
  /** The input path relative to the project root, stored as `source`. */
  source: string;
  /** Ids of lessons on the site or imported alongside: links and prerequisites may point at them. */
  knownIds?: ReadonlySet<string>;
  /**
   * Whether a path relative to the raw file's folder is a file, for local images (copied next to the lesson).
   * Without it every local image counts as missing.
   */
  fileExists?: FileExists;
  /** Those lessons with their titles, so prerequisites may name a lesson by title (ids in knownIds are added). */
  knownLessons?: KnownLessons;
}

export interface NormalizedLesson {
  id: string;
  frontmatter: LessonData;
  mdx: string;
  /** Local image files to copy next to the lesson (paths relative to the raw file's folder and the lessons folder). */
  assets: Asset[];
  /** What was inferred first, then repairs, removals and warnings in source order. */
  notes: Note[];
}

/** Throws ImportError for input that cannot become a lesson. */
export function normalizeLesson(raw: Uint8Array | string, options: NormalizeOptions): NormalizedLesson {
  const { file, source } = options;
  const knownLessons: KnownLessons = [
    ...(options.knownLessons ?? []),
    ...[...(options.knownIds ?? [])].map((id) => ({ id })),
  ];
  const knownIds = new Set(knownLessons.map(({ id }) => id));

  const size = sizeProblem(typeof raw === "string" ? Buffer.byteLength(raw) : raw.byteLength);
  if (size !== undefined) throw new ImportError(file, size.message);
  const decoded = decodeSource(raw, file);
  if (decoded.text.trim() === "") {
    throw new ImportError(file, "the file is empty", { line: 1, hint: "a lesson needs a heading and some text" });
  }
  // Before any parsing: deep nesting is what makes the parsers overflow the stack.
  const nesting = nestingProblem(decoded.text);
  if (nesting !== undefined) throw new ImportError(file, nesting.message, { line: nesting.line });
  const notes: Note[] = [...decoded.notes];
  const { text, repairs } = repairMojibake(decoded.text);
  for (const { from, to, line } of repairs)
    notes.push({ kind: "repaired", message: `mojibake "${from}" -> "${to}"`, line });

  const tree = parseMarkdown(text);
  assertFencesClosed(tree, text, file);
  const frontmatter = readFrontmatter(tree, text, file);
  const {
    fields,
    notes: frontmatterNotes,
    unresolved,
  } = mapFrontmatter(frontmatter.data, knownLessons, frontmatter.lines, frontmatter.itemLines);
  notes.push(...frontmatterNotes);
  const sections = outline(tree, text);

  const headingTitle = sections.titleHeading && cleanTitle(headingText(sections.titleHeading));
  const title = fields.title === undefined ? headingTitle : cleanTitle(fields.title);
  if (title === undefined) {
    throw new ImportError(file, "no heading to take the title from", {
      hint: "start the lesson with a # Title heading or set title: in the frontmatter",
    });
  }

  // The id names the folder of the lesson's images; an empty one fails below, after the content's problems.
  const { id, from } = lessonIdFor(file, title.title.trim());
  const images = assetPlan(id, options.fileExists);
  const transformed = transformBody({
    text,
    tree,
    removals: removals(text, frontmatter, sections, title),
    knownIds,
    images,
  });
  notes.push(...transformed.notes);
  const completed = completeFields({
    file,
    fields,
    title,
    sections,
    body: transformed.body,
    bodyTree: parseMarkdown(transformed.body),
    knownLessons,
    unresolved,
  });

  // Checked after the content, whose problems need fixing first.
  if (!lessonSchema.shape.source.safeParse(source).success) {
    throw new ImportError(file, `the source path ${source} is not in content/sources/`, {
      hint: "copy the raw file to content/sources/ and import it from there, so the lesson can name its source",
    });
  }
  const { objectives, authors, extra, unresolved: unresolvedPrerequisites, ...values } = completed.values;
  const parsed = lessonSchema.safeParse({
    title: title.title,
    ...values,
    ...(objectives === undefined ? {} : { objectives }),
    ...(authors === undefined ? {} : { authors }),
    ...(extra === undefined ? {} : { extra }),
    source,
    draft: true,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "frontmatter"}: ${issue.message}`);
    throw new ImportError(file, `the draft does not pass the lesson schema: ${problems.join("; ")}`, {
      hint: "set the field in the source's frontmatter",
    });
  }
  if (id === "") {
    throw new ImportError(
      file,
      `the title ${JSON.stringify(parsed.data.title)} has no letters or digits to make a lesson id from`,
      {
        hint:
          "give the lesson a title with letters, or pass the id as the file name: " +
          "rename the raw file to <lesson-id>.md with at least two words, e.g. async-generators.md",
      },
    );
  }

  const titleNote = titleReport(
    title,
    fields.title === undefined ? sections.titleHeading && lineOf(sections.titleHeading) : undefined,
  );
  const idNote: Note = { kind: "inferred", message: `id: "${id}" (from the ${from})` };
  return {
    id,
    frontmatter: parsed.data,
    assets: images.assets(),
    mdx: toMdx(
      parsed.data,
      unresolvedPrerequisites.length === 0
        ? transformed.body
        : unresolvedComment(unresolvedPrerequisites) + transformed.body,
    ),
    notes: [
      titleNote,
      ...completed.notes,
      idNote,
      ...notes.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
    ],
  };
}

/**
 * What the frontmatter replaces: the YAML block, the heading that repeats the
 * title (the page renders the title) and the objectives/prerequisites
 * sections. With a frontmatter title the first heading may be a section such
 * as "# Introduction", so a heading goes only if it repeats the title.
 */
function removals(text: string, frontmatter: SourceFrontmatter, sections: Outline, title: CleanTitle): Removal[] {
  const list: Removal[] = [];
  if (frontmatter.node) list.push({ range: blockRange(text, frontmatter.node) });
  const heading = sections.titleHeading;
  if (heading && sameTitle(cleanTitle(headingText(heading)).title, title.title)) {
    list.push({
      range: blockRange(text, heading),
      note: { kind: "removed", message: "title heading (the page shows the title)", line: lineOf(heading) },
    });
  }
  for (const section of [sections.objectives, sections.prerequisites]) {
    if (section === undefined) continue;
    list.push({
      range: section.range,
      note: {
        kind: "removed",
        message: `"${headingText(section.heading)}" section (now frontmatter)`,
        line: lineOf(section.heading),
      },
    });
  }
  return list;
}

/** Titles compared by letters and digits only, so "Async/Await" matches "async await". */
function sameTitle(a: string, b: string): boolean {
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  return letters(a) === letters(b);
}

/** `line` is the heading's when the title came from one, undefined for a frontmatter title. */
function titleReport(title: CleanTitle, line: number | undefined): Note {
  const how = [line === undefined ? "" : "first heading", ...title.removed.map((piece) => `removed "${piece}"`)];
  const detail = how.filter(Boolean).join(", ");
  return {
    kind: line === undefined ? "kept" : "inferred",
    message: `title: ${JSON.stringify(title.title)}${detail === "" ? "" : ` (${detail})`}`,
    line,
  };
}
