/**
 * Links and link definitions: turn <url> autolinks into bare URLs (MDX has no
 * autolinks; GFM links bare URLs), unwrap links whose scheme is unsafe
 * (`javascript:`, `data:`) or that point nowhere on this site, keeping their
 * text, and rewrite links to known lessons to their canonical form.
 */
import type { Definition, Link, LinkReference } from "mdast";
import { toString } from "mdast-util-to-string";
import { judgeLink } from "../links";
import { endOf, lineOf, sourceOf, startOf } from "../markdown";
import { deleteNode, unwrapLink } from "./node-edits";
import type { NodeStep, StepResult } from "./step";

export const linkStep: NodeStep<Link | LinkReference> = (node, { text, links }) => {
  const line = lineOf(node);
  if (node.type === "link" && sourceOf(text, node).startsWith("<")) {
    return {
      edits: [
        { start: startOf(node), end: startOf(node) + 1, text: "" },
        { start: endOf(node) - 1, end: endOf(node), text: "" },
      ],
      repairs: [{ message: "turned <url> autolinks into bare URLs", line }],
    };
  }
  const verdict = links.verdictOf(node);
  if (verdict.kind === "unsafe") {
    return {
      edits: unwrapLink(node),
      notes: [
        {
          kind: "removed",
          message: `link to ${links.urlOf(node)}: only http(s), mailto and relative links are allowed (kept its text)`,
          line,
        },
      ],
    };
  }
  if (verdict.kind === "dead") {
    return {
      edits: unwrapLink(node),
      notes: [
        {
          kind: "warning",
          message: `dead link to ${links.urlOf(node)}: removed the link and kept its text "${toString(node)}"; reword the sentence if it still points the reader at that page`,
          line,
        },
      ],
    };
  }
  if (verdict.kind === "rewrite" && node.type === "link") {
    const last = node.children.at(-1);
    const title = node.title ? ` ${JSON.stringify(node.title)}` : "";
    return {
      edits: [{ start: last ? endOf(last) : startOf(node) + 1, end: endOf(node), text: `](${verdict.url}${title})` }],
      notes: [{ kind: "repaired", message: `link ${node.url} -> ${verdict.url}`, line }],
    };
  }
  return undefined;
};

export const definitionStep: NodeStep<Definition> = (node, { text, knownIds }, parent): StepResult | undefined => {
  const line = lineOf(node);
  const label = node.label ?? node.identifier;
  const verdict = judgeLink(node.url, knownIds);
  if (verdict.kind === "unsafe") {
    return {
      edits: [deleteNode(text, node, parent)],
      notes: [
        {
          kind: "removed",
          message: `link definition [${label}]: ${node.url}: only http(s), mailto and relative links are allowed`,
          line,
        },
      ],
    };
  }
  if (verdict.kind === "dead") {
    return {
      edits: [deleteNode(text, node, parent)],
      notes: [{ kind: "removed", message: `dead link definition [${label}]: ${node.url}`, line }],
    };
  }
  if (verdict.kind === "rewrite") {
    const title = node.title ? ` ${JSON.stringify(node.title)}` : "";
    return {
      edits: [{ start: startOf(node), end: endOf(node), text: `[${label}]: ${verdict.url}${title}` }],
      notes: [{ kind: "repaired", message: `link ${node.url} -> ${verdict.url}`, line }],
    };
  }
  return undefined;
};
