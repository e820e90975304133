/**
 * Limits on a lesson's size and shape, checked twice: by the importer before
 * it parses a raw lesson, and by the content loader before Astro compiles an
 * MDX lesson. Past them the parsers recurse until the stack runs out. Measured
 * (Node 24, one line of `> > …` or `- - …`): remark parses about 2,000 levels
 * and throws a bare RangeError at 3,000; the MDX compiler throws from about
 * 1,000 list levels; the Astro build builds 200 levels but at 500 the process
 * dies of a signal without naming the file. A real lesson needs a handful of
 * levels, so the limit sits far below all of that.
 *
 * Pure functions on text, no parsing: the check must be safe on exactly the
 * input that would crash a parser.
 */

/** Bytes per lesson file, raw or MDX. The longest lesson of the course is under 8 KiB. */
export const MAX_LESSON_BYTES = 1024 * 1024;

/** Levels of lists and block quotes, counted together (`> - > - text` is 4). */
export const MAX_NESTING = 32;

/**
 * YAML alias expansions allowed in frontmatter (the `yaml` package's
 * `maxAliasCount`): an anchor used over and over ("billion laughs") expands to
 * gigabytes from a few lines. Frontmatter needs no aliases at all.
 */
export const MAX_YAML_ALIASES = 20;

export interface LimitProblem {
  /** 1-based line, where the problem is on one line. */
  line?: number;
  /** What is wrong and what to do. */
  message: string;
}

export function sizeProblem(bytes: number): LimitProblem | undefined {
  if (bytes <= MAX_LESSON_BYTES) return undefined;
  return {
    message:
      `the file is ${bytes.toLocaleString("en")} bytes, over the limit of 1 MiB ` +
      `(${MAX_LESSON_BYTES.toLocaleString("en")} bytes) per lesson; ` +
      `split it into several lessons`,
  };
}

/** Nesting deeper than MAX_NESTING, at the first line that goes too deep. */
export function nestingProblem(text: string): LimitProblem | undefined {
  const line = deepestLine(text, MAX_NESTING);
  if (line === undefined) return undefined;
  return {
    line: line.line,
    message:
      `lists and block quotes are nested ${line.depth} levels deep here, over the limit of ${MAX_NESTING}; ` +
      `flatten the nesting`,
  };
}

/**
 * HTML/JSX elements nested deeper than MAX_NESTING (`<sub>` in `<sub>` …),
 * which overflow the MDX compiler's stack just as deep lists do. For MDX
 * lessons only: the importer escapes every `<` of a raw lesson's prose.
 */
export function tagNestingProblem(text: string): LimitProblem | undefined {
  const line = deepestTagLine(text, MAX_NESTING);
  if (line === undefined) return undefined;
  return {
    line: line.line,
    message:
      `HTML elements are nested ${line.depth} levels deep here, over the limit of ${MAX_NESTING}; ` +
      `flatten the nesting`,
  };
}

/** All limits on a lesson's text at once (size first: a huge file need not be scanned). */
export function textProblems(text: string, bytes = Buffer.byteLength(text)): LimitProblem[] {
  const size = sizeProblem(bytes);
  if (size !== undefined) return [size];
  return [nestingProblem(text), tagNestingProblem(text)].filter((problem) => problem !== undefined);
}

/**
 * The first line whose container depth exceeds `limit`, or undefined. The
 * depth of a line is an upper bound of the lists and quotes open on it: each
 * `>` and list marker at its start counts one, and each two columns of
 * indentation count one (a nested list item's content is indented at least
 * two columns past its parent's, so that bounds the lists the line continues).
 * A container only opens on a line that continues all those around it, so the
 * deepest line is always one that this counts. Code counts too: telling fenced
 * code from an indented look-alike takes a real parser, and real code is not
 * indented 64 columns deep.
 */
function deepestLine(text: string, limit: number): { line: number; depth: number } | undefined {
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    const depth = containerDepth(line);
    if (depth > limit) return { line: lineNumber, depth };
  }
  return undefined;
}

/**
 * A fence opening or closing line: container markers, then at most three
 * spaces, then ``` or ~~~. A fence indented four or more columns past its
 * markers is indented code, not a fence, and is not skipped: text that only
 * looks fenced must not hide tags from the count.
 */
const FENCE = /^(?:[ \t]{0,3}(?:>|[-*+] |\d{1,9}[.)] ))*[ ]{0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)[^`]*?\1/g;
const TAG = /<\/|<[A-Za-z]|\/>/g;

/**
 * The first line where elements are open more than `limit` deep: each `<name`
 * opens one, each `</` or `/>` closes one (MDX requires every element to be
 * closed), not counting fenced code, inline code and `\<`.
 */
function deepestTagLine(text: string, limit: number): { line: number; depth: number } | undefined {
  let depth = 0;
  let fence: string | undefined;
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      continue;
    }
    const prose = line.replace(INLINE_CODE, "");
    for (const match of prose.matchAll(TAG)) {
      if (prose[match.index - 1] === "\\") continue;
      depth = match[0].startsWith("<") && match[0] !== "</" ? depth + 1 : Math.max(0, depth - 1);
      if (depth > limit) return { line: lineNumber, depth };
    }
  }
  return undefined;
}

/** The depth of a line's container prefix; index arithmetic only, as a line may be a megabyte of ">". */
function containerDepth(line: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    let columns = 0;
    while (line[i] === " " || line[i] === "\t") {
      columns += line[i] === "\t" ? 4 : 1;
      i++;
    }
    depth += Math.floor(columns / 2);
    const markerEnd = line[i] === ">" ? i + 1 : listMarkerEnd(line, i);
    if (markerEnd === undefined) return depth;
    depth++;
    i = markerEnd;
  }
}

/** The end of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, tab or the line end at `i`. */
function listMarkerEnd(line: string, i: number): number | undefined {
  let end = i;
  if (line[i] === "-" || line[i] === "*" || line[i] === "+") end = i + 1;
  else {
    while (end - i < 9 && isDigit(line[end])) end++;
    if (end === i || (line[end] !== "." && line[end] !== ")")) return undefined;
    end++;
  }
  const next = line[end];
  return next === undefined || next === " " || next === "\t" ? end : undefined;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";
