/**
 * Images: replace those whose URL scheme is unsafe and local ones that name
 * no file by their alt text, point local ones at their copy next to the
 * lesson (assets.ts), and escape MDX's special characters in the alt text of
 * the rest. Remote images stay, under the build's URL rules.
 */
import type { Image, ImageReference } from "mdast";
import { isSafeUrl } from "../../markdown/safe-url";
import type { Edit } from "../edits";
import { escapeMdx } from "../escape";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { ESCAPE_REPAIR } from "./prose";
import type { NodeStep } from "./step";

export const imageStep: NodeStep<Image | ImageReference> = (node, { text, links, images }) => {
  const line = lineOf(node);
  const url = links.urlOf(node);
  const alt = escapeMdx(node.alt ?? "").text;
  if (url !== undefined && !isSafeUrl(url)) {
    return {
      edits: [{ start: startOf(node), end: endOf(node), text: alt }],
      notes: [
        {
          kind: "removed",
          message: `image ${abbreviate(url)}: only http(s) and relative image URLs are allowed; kept its alt text (add the file beside the raw lesson and link it by relative path)`,
          line,
        },
      ],
    };
  }
  const target = url === undefined ? ({ kind: "keep" } as const) : images.target(url);
  if (target.kind === "missing") {
    return {
      edits: [{ start: startOf(node), end: endOf(node), text: alt }],
      notes: [
        {
          kind: "warning",
          message: `image ${target.path}: ${target.why}; removed it and kept its alt text (put the file beside the raw lesson and import again)`,
          line,
        },
      ],
    };
  }
  if (target.kind === "copy") {
    const title = node.type === "image" && node.title ? ` ${JSON.stringify(node.title)}` : "";
    return {
      edits: [{ start: startOf(node), end: endOf(node), text: `![${alt}](${target.url}${title})` }],
      notes: [{ kind: "repaired", message: `image ${url}: copied next to the lesson as ${target.url}`, line }],
    };
  }
  const escaped = escapeAlt(text, node);
  return escaped ? { edits: [escaped], repairs: [{ message: ESCAPE_REPAIR, line }] } : undefined;
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
