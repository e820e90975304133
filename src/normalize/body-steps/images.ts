/**
 * Images: drop those whose URL scheme is unsafe (keeping their alt text) and
 * local ones the importer does not copy, and escape MDX's special characters
 * in the alt text of the rest.
 */
import type { Image, ImageReference } from "mdast";
import { isSafeUrl } from "../../markdown/safe-url";
import type { Edit } from "../edits";
import { escapeMdx } from "../escape";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { deleteNode } from "./node-edits";
import { ESCAPE_REPAIR } from "./prose";
import type { NodeStep } from "./step";

export const imageStep: NodeStep<Image | ImageReference> = (node, { text, links }, parent) => {
  const line = lineOf(node);
  const url = links.urlOf(node);
  if (url !== undefined && !isSafeUrl(url)) {
    return {
      edits: [{ start: startOf(node), end: endOf(node), text: escapeMdx(node.alt ?? "").text }],
      notes: [
        {
          kind: "removed",
          message: `image ${abbreviate(url)}: only http(s) and relative image URLs are allowed; kept its alt text (add the file to public/ and link it by absolute path)`,
          line,
        },
      ],
    };
  }
  if (links.isDead(node)) {
    return {
      edits: [deleteNode(text, node, parent)],
      notes: [
        {
          kind: "warning",
          message: `removed image ${links.urlOf(node)}: add it to public/ and link it by absolute path`,
          line,
        },
      ],
    };
  }
  const alt = escapeAlt(text, node);
  return alt ? { edits: [alt], repairs: [{ message: ESCAPE_REPAIR, line }] } : undefined;
};

/** data: URLs can be long; the scheme and a little of the rest say enough. */
function abbreviate(url: string): string {
  return url.length > 40 ? `${url.slice(0, 37)}...` : url;
}

/**
 * MDX parses an image's alt text as inline content, so "{" or "<" there is
 * an expression or a tag (an unclosed one fails the build). The alt source is
 * the bracketed label after "!": escape it as prose.
 */
export function escapeAlt(text: string, image: Image | ImageReference): Edit | undefined {
  const start = startOf(image) + 2;
  const source = sourceOf(text, image);
  let depth = 0;
  let end = -1;
  for (let i = 2; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (char === "[") depth++;
    else if (char === "]" && depth-- === 0) {
      end = i;
      break;
    }
  }
  if (end === -1) return undefined;
  const escaped = escapeMdx(source.slice(2, end));
  return escaped.count === 0 ? undefined : { start, end: startOf(image) + end, text: escaped.text };
}
