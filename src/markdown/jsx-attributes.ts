/**
 * Where the attributes of an MDX JSX opening tag start in the source.
 * Sätteri's tree gives a JSX element its position but not its attributes',
 * and the lesson-safety messages name the attribute's own line and column
 * (`<img src="x" alt="x" onError="...">` is wrong at `onError`). The tag has
 * already been parsed, so this only walks past names, quoted values and
 * balanced `{...}`: it places messages and decides nothing. When it does not
 * find exactly as many attributes as the tree has, the caller falls back to
 * the element's position.
 */
import type { Point } from "unist";

const SPACE = /\s/;
const NAME_END = /[\s=/>{]/;

/** The offset after a `{...}` starting at `start` (strings inside skipped), or -1 when it never closes. */
function afterBraces(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '"' || char === "'" || char === "`") {
      const end = source.indexOf(char, i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (char === "{") {
      depth++;
    } else if (char === "}" && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

function skipSpace(source: string, start: number): number {
  let i = start;
  while (i < source.length && SPACE.test(source[i]!)) i++;
  return i;
}

/** The start offset of each attribute of the opening tag at `tagStart`, in order, or undefined. */
export function attributeOffsets(source: string, tagStart: number): number[] | undefined {
  if (source[tagStart] !== "<") return undefined;
  let i = tagStart + 1;
  while (i < source.length && !NAME_END.test(source[i]!)) i++;
  const offsets: number[] = [];
  for (;;) {
    i = skipSpace(source, i);
    const char = source[i];
    if (char === undefined) return undefined;
    if (char === "/" || char === ">") return offsets;
    offsets.push(i);
    if (char === "{") {
      i = afterBraces(source, i);
      if (i === -1) return undefined;
      continue;
    }
    const nameStart = i;
    while (i < source.length && !NAME_END.test(source[i]!)) i++;
    if (i === nameStart) return undefined;
    const afterName = skipSpace(source, i);
    if (source[afterName] !== "=") continue;
    i = skipSpace(source, afterName + 1);
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const end = source.indexOf(quote, i + 1);
      if (end === -1) return undefined;
      i = end + 1;
    } else if (quote === "{") {
      i = afterBraces(source, i);
      if (i === -1) return undefined;
    } else {
      return undefined;
    }
  }
}

/** The point at `offset`, counted from a known point before it in the same source. */
export function pointAt(source: string, from: Point & { offset: number }, offset: number): Point {
  let { line, column } = from;
  for (let i = from.offset; i < offset; i++) {
    if (source[i] === "\n") {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column, offset };
}
