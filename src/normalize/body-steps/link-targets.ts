/**
 * Where the body's links and images point, and what to do about it: inline
 * URLs and reference definitions resolved, then judged by ../links.ts.
 */
import type { Image, ImageReference, Link, LinkReference, Root } from "mdast";
import { visit } from "unist-util-visit";
import { isLocalImage, judgeLink, type LinkVerdict } from "../links";

/** Nodes that point somewhere: a link or image, inline or by reference. */
export type LinkTarget = Link | LinkReference | Image | ImageReference;

export interface LinkTargets {
  /** The URL, or undefined for a reference without a definition. */
  urlOf: (node: LinkTarget) => string | undefined;
  verdictOf: (link: Link | LinkReference) => LinkVerdict;
  /** A link that points nowhere on this site, or a local image that names no file. */
  isDead: (node: LinkTarget) => boolean;
}

/** `isMissingImage` tells which image URLs name no file the import can copy (by default: every local one). */
export function linkTargets(
  tree: Root,
  knownIds: ReadonlySet<string>,
  isMissingImage: (url: string) => boolean = isLocalImage,
): LinkTargets {
  const definitions = new Map<string, string>();
  visit(tree, "definition", (definition) => {
    definitions.set(definition.identifier, definition.url);
  });

  const urlOf = (node: LinkTarget) =>
    node.type === "link" || node.type === "image" ? node.url : definitions.get(node.identifier);
  const verdictOf = (link: Link | LinkReference): LinkVerdict => {
    const url = urlOf(link);
    return url === undefined ? { kind: "keep" } : judgeLink(url, knownIds);
  };
  const isDead = (node: LinkTarget) => {
    if (node.type === "link" || node.type === "linkReference") return verdictOf(node).kind === "dead";
    const url = urlOf(node);
    return url !== undefined && isMissingImage(url);
  };
  return { urlOf, verdictOf, isDead };
}
