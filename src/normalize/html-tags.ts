/**
 * Raw HTML in a source, read tag by tag: which pieces are comments, which
 * are tags of the elements a lesson may use (src/markdown/lesson-safety.ts,
 * SAFE_ELEMENTS), and how to write them so MDX reads them as those elements.
 */
import { SAFE_ELEMENTS } from "../markdown/lesson-safety";

/** Elements without content: MDX needs them self-closed (`<br />`). */
const VOID = new Set(["br", "img", "hr", "wbr"]);

export type HtmlPiece =
  | { kind: "text"; text: string }
  | { kind: "comment"; text: string; body: string }
  | {
      kind: "tag";
      text: string;
      name: string;
      closing: boolean;
      /** Attributes in source order; a value-less attribute has value undefined. */
      attributes: Array<{ name: string; value: string | undefined }>;
    };

const PIECE =
  /<!--([\s\S]*?)-->|<(\/?)([A-Za-z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The pieces of an HTML source in order; text between tags is a text piece. */
export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let cursor = 0;
  for (const match of html.matchAll(PIECE)) {
    if (match.index > cursor) pieces.push({ kind: "text", text: html.slice(cursor, match.index) });
    const [text, comment, slash, name = "", attributes = ""] = match;
    if (comment !== undefined) pieces.push({ kind: "comment", text, body: comment });
    else {
      pieces.push({
        kind: "tag",
        text,
        name: name.toLowerCase(),
        closing: slash === "/",
        attributes: [...attributes.matchAll(ATTRIBUTE)].map((a) => ({
          name: (a[1] ?? "").toLowerCase(),
          value: a[2] ?? a[3] ?? a[4],
        })),
      });
    }
    cursor = match.index + text.length;
  }
  if (cursor < html.length) pieces.push({ kind: "text", text: html.slice(cursor) });
  return pieces;
}

export const isSafeElement = (name: string): boolean => SAFE_ELEMENTS.has(name) && name !== "img";
export const isVoid = (name: string): boolean => VOID.has(name);

/**
 * A safe tag as MDX reads it: lowercase, only its allowed attributes, each
 * as a literal value, void elements self-closed. `dropped` lists the rest.
 */
export function mdxTag(piece: Extract<HtmlPiece, { kind: "tag" }>): { text: string; dropped: string[] } {
  if (piece.closing) return { text: `</${piece.name}>`, dropped: [] };
  const allowed = SAFE_ELEMENTS.get(piece.name) ?? new Set<string>();
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const { name, value } of piece.attributes) {
    if (!allowed.has(name) || (value !== undefined && /[{}]/.test(value))) dropped.push(name);
    else kept.push(value === undefined ? name : `${name}="${value.replace(/"/g, "&quot;")}"`);
  }
  const attributes = kept.length > 0 ? ` ${kept.join(" ")}` : "";
  return { text: `<${piece.name}${attributes}${isVoid(piece.name) ? " /" : ""}>`, dropped };
}

/** An HTML comment as an MDX comment, which the build removes (src/markdown/mdx-comments.ts). */
export function mdxComment(body: string): string {
  // A comment ends at the first "*/", and MDX matches braces before it reads the comment.
  const safe = body.replace(/\*\//g, "* /").replace(/[{}]/g, "");
  return `{/*${safe}*/}`;
}
