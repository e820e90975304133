/**
 * Raw HTML. MDX reads HTML as JSX and has no HTML comments, so:
 * - comments become MDX comments (`{/* ... *\/}`), kept for editors and never shown;
 * - the safe elements a lesson may use (`details`, `summary`, `kbd`, `br`,
 *   `sub`, `sup`, ...: SAFE_ELEMENTS) stay working HTML, written as MDX reads
 *   them (`<br />`, only allowed attributes), when their tags open and close
 *   in order within one block; `<img>` becomes a Markdown image (images.ts rules);
 * - anything else is shown as text, with a warning to rewrite it in Markdown.
 */
import type { Html, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import { isSafeUrl } from "../../markdown/safe-url";
import { escapeMdx } from "../escape";
import { htmlPieces, isSafeElement, isVoid, mdxComment, mdxTag, type HtmlPiece } from "../html-tags";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import type { Note } from "../notes";
import type { BodyContext, NodeStep } from "./step";

type Tag = Extract<HtmlPiece, { kind: "tag" }>;

/** Whether every tag of the node is a safe element or an image. */
const onlySafeTags = (pieces: readonly HtmlPiece[]) =>
  pieces.every((piece) => piece.kind !== "tag" || isSafeElement(piece.name) || piece.name === "img");

/**
 * The HTML nodes kept as HTML: all their tags safe, and the safe elements of
 * their block (the parent's HTML nodes together) opened and closed in order,
 * which MDX requires. Worked out once for the whole tree.
 */
export function keptHtml(tree: Root): ReadonlySet<Html> {
  const byParent = new Map<Nodes, Html[]>();
  visit(tree, "html", (node, _index, parent) => {
    if (parent === undefined) return;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  });
  const kept = new Set<Html>();
  for (const nodes of byParent.values()) {
    const candidates = nodes.filter((node) => onlySafeTags(htmlPieces(node.value)));
    const open: string[] = [];
    let balanced = true;
    for (const node of candidates) {
      for (const piece of htmlPieces(node.value)) {
        if (piece.kind !== "tag" || isVoid(piece.name)) continue;
        if (!piece.closing) open.push(piece.name);
        else if (open.pop() !== piece.name) balanced = false;
      }
    }
    if (balanced && open.length === 0) for (const node of candidates) kept.add(node);
  }
  return kept;
}

export const rawHtmlStep: NodeStep<Html> = (node, context) => {
  const { text } = context;
  const line = lineOf(node);
  const pieces = htmlPieces(node.value);
  const edit = (replacement: string) => ({ start: startOf(node), end: endOf(node), text: replacement });
  if (pieces.every((piece) => piece.kind === "comment" || (piece.kind === "text" && piece.text.trim() === ""))) {
    return {
      edits: [edit(pieces.map((piece) => (piece.kind === "comment" ? mdxComment(piece.body) : piece.text)).join(""))],
      notes: [{ kind: "repaired", message: "HTML comment -> MDX comment {/* ... */} (kept, not shown)", line }],
    };
  }
  if (!context.keptHtml.has(node)) {
    return {
      edits: [edit(escapeMdx(sourceOf(text, node)).text)],
      notes: [
        {
          kind: "warning",
          message: "raw HTML is shown as text (MDX would read it as JSX); rewrite it in Markdown",
          line,
        },
      ],
    };
  }
  const notes: Note[] = [];
  const written = pieces.map((piece) => {
    if (piece.kind === "text") return escapeMdx(piece.text).text;
    if (piece.kind === "comment") return mdxComment(piece.body);
    if (piece.name === "img") return imageFrom(piece, context, line, notes);
    const { text: tag, dropped } = mdxTag(piece);
    if (dropped.length > 0) {
      notes.push({
        kind: "removed",
        message: `<${piece.name}> attribute(s) ${dropped.join(", ")}: not allowed in lessons`,
        line,
      });
    }
    return tag;
  });
  return { edits: [edit(written.join(""))], notes };
};

/** `<img src alt>` as a Markdown image, under the rules of images.ts: copied, kept, or its alt text when missing. */
function imageFrom(piece: Tag, { images }: BodyContext, line: number, notes: Note[]): string {
  const attribute = (name: string) => piece.attributes.find((a) => a.name === name)?.value;
  const src = attribute("src") ?? "";
  const alt = escapeMdx(attribute("alt") ?? "").text.replace(/[[\]]/g, "\\$&");
  if (!isSafeUrl(src)) {
    notes.push({
      kind: "removed",
      message: `image ${src.slice(0, 40)}: only http(s) and relative image URLs are allowed; kept its alt text`,
      line,
    });
    return alt;
  }
  const target = images.target(src);
  if (target.kind === "missing") {
    notes.push({
      kind: "warning",
      message: `image ${target.path}: ${target.why}; removed it and kept its alt text (put the file beside the raw lesson and import again)`,
      line,
    });
    return alt;
  }
  if (alt === "")
    notes.push({
      kind: "warning",
      message: `image ${src} has no alt text: describe it for readers who cannot see it`,
      line,
    });
  const url = target.kind === "copy" ? target.url : src;
  if (target.kind === "copy")
    notes.push({ kind: "repaired", message: `image ${src}: copied next to the lesson as ${url}`, line });
  return `![${alt}](${url.replace(/[\s()]/g, encodeURIComponent)})`;
}
