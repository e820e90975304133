/**
 * Turns the source body into an MDX body by targeted edits at parser
 * positions. What the edits do, and why:
 * - remove the blocks that became frontmatter (given by the caller), and lines
 *   that are nothing but dead navigation links ("🔗 [Back to TOC](./toc.md)");
 * - shift heading levels so the body starts at H2 (the page renders the title
 *   as the only H1) and drop trailing colons from headings;
 * - tag untagged code fences, and fence indented code (MDX has no indented code);
 * - escape "{", "}", "<", ">" in prose and image alt text, which MDX would read
 *   as JSX/expressions;
 * - keep a paragraph whose first line starts with "import " or "export " from
 *   becoming MDX ESM (JavaScript the build would run): fence it as Python when
 *   it looks like Python, else write its first letter as a character reference;
 * - unwrap links and drop images whose URL scheme is not http(s), mailto or
 *   relative (`javascript:`, `data:`), keeping their text or alt text;
 * - turn <url> autolinks into bare URLs (MDX has no autolinks; GFM links bare URLs);
 * - unwrap links into the source's own course, drop local images, raw HTML
 *   comments, and references to other courses' numbered lessons.
 */
import type {
  Code,
  Heading,
  Image,
  ImageReference,
  Link,
  LinkReference,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from "mdast";
import { toString } from "mdast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { isSafeUrl } from "../markdown/safe-url";
import { applyEdits, type Edit } from "./edits";
import { escapeMdx } from "./escape";
import { guessLanguage, openingFence } from "./fences";
import { isLocalImage, judgeLink, type LinkVerdict } from "./links";
import { blockRange, endOf, lineOf, lineRange, sourceOf, startOf } from "./markdown";
import type { Note } from "./notes";
import { dropForeignReferences } from "./references";

/** Nodes that point somewhere: a link or image, inline or by reference. */
type LinkTarget = Link | LinkReference | Image | ImageReference;

/** A source range to delete, with what to report about it. */
export interface Removal {
  range: [number, number];
  note?: Note;
}

export interface BodyInput {
  text: string;
  tree: Root;
  removals: readonly Removal[];
  knownIds: ReadonlySet<string>;
}

export function transformBody({ text, tree, removals, knownIds }: BodyInput): { body: string; notes: Note[] } {
  const notes: Note[] = [];
  const edits: Edit[] = [];
  /** Repairs reported once per kind, with every line they happened on. */
  const repeated = new Map<string, number[]>();
  const repaired = (message: string, line: number) => repeated.set(message, [...(repeated.get(message) ?? []), line]);

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
    return url !== undefined && isLocalImage(url);
  };
  /** Where top-level blocks start that MDX would read as ESM. */
  const esmStarts = new Set(tree.children.filter((block) => looksLikeEsm(text, block)).map(startOf));
  for (const { note } of removals) if (note) notes.push(note);
  const deadLines = deadLineRanges(tree, text, isDead, notes);

  const ranges = mergeRanges([...removals.map(({ range }) => range), ...deadLines]);
  const isRemoved = (node: Nodes) => ranges.some(([start, end]) => startOf(node) >= start && endOf(node) <= end);
  edits.push(...ranges.map(([start, end]) => ({ start, end, text: "" })));

  const headings: Heading[] = [];
  visit(tree, "heading", (heading) => {
    if (!isRemoved(heading)) headings.push(heading);
  });
  const shift = headings.length === 0 ? 0 : 2 - Math.min(...headings.map((h) => h.depth));
  const headingEnds = new Set(headings.map(lastText).filter((node) => node !== undefined));

  const removeNode = (node: Nodes, parent: Parents | undefined) => {
    const [start, end] = parent?.type === "root" ? blockRange(text, node as RootContent) : [startOf(node), endOf(node)];
    edits.push({ start, end, text: "" });
  };
  const unwrap = (link: Link | LinkReference) => {
    const first = link.children[0];
    const last = link.children.at(-1);
    if (first === undefined || last === undefined) {
      edits.push({ start: startOf(link), end: endOf(link), text: "" });
      return;
    }
    edits.push(
      { start: startOf(link), end: startOf(first), text: "" },
      { start: endOf(last), end: endOf(link), text: "" },
    );
  };

  visit(tree, (node, _index, parent) => {
    if (node.type === "root") return;
    if (isRemoved(node)) return SKIP;
    const line = lineOf(node);
    switch (node.type) {
      case "heading":
        if (shift !== 0) edits.push(...shiftHeading(text, node, shift, notes));
        return;
      case "paragraph": {
        if (parent?.type !== "root" || !esmStarts.has(startOf(node))) return;
        const source = sourceOf(text, node);
        if (guessLanguage(source) !== "python") return;
        edits.push({ start: startOf(node), end: endOf(node), text: fenced(source, "python") });
        notes.push({
          kind: "warning",
          message: `a paragraph starting with "${firstLine(source)}" looked like unfenced Python: fenced it as python code (MDX would run a line starting with "${source.slice(0, 6)} " as JavaScript); check that the fence holds only code`,
          line,
        });
        return SKIP;
      }
      case "text": {
        const source = sourceOf(text, node);
        const rewritten = rewriteProse(source, headingEnds.has(node));
        if (esmStarts.has(startOf(node))) {
          // "import x" -> "&#105;mport x": the same text to readers, not an ESM line to MDX.
          rewritten.text = `&#${rewritten.text.codePointAt(0)};${rewritten.text.slice(1)}`;
          repaired(
            `wrote the first letter of a line starting with "import " or "export " as a character reference (MDX would run the line as JavaScript)`,
            line,
          );
        }
        if (rewritten.strippedColon) repaired("removed the trailing colon from headings", line);
        if (rewritten.escapes > 0) repaired("escaped {, }, < or > that MDX would read as code", line);
        for (const dropped of rewritten.dropped) {
          notes.push({ kind: "removed", message: `"${dropped}": that lesson is not on this site`, line });
        }
        for (const mention of rewritten.leftover) {
          notes.push({ kind: "warning", message: `mentions "${mention}", which is not on this site; reword it`, line });
        }
        if (rewritten.text !== source) edits.push({ start: startOf(node), end: endOf(node), text: rewritten.text });
        return;
      }
      case "code":
        edits.push(...fenceCode(text, node, parent, repaired, notes));
        return;
      case "html":
        if (/^\s*<!--/.test(node.value)) {
          removeNode(node, parent);
          notes.push({ kind: "removed", message: "HTML comment (MDX does not allow them)", line });
        } else {
          edits.push({ start: startOf(node), end: endOf(node), text: escapeMdx(sourceOf(text, node)).text });
          notes.push({
            kind: "warning",
            message: "raw HTML is shown as text (MDX would read it as JSX); rewrite it in Markdown",
            line,
          });
        }
        return;
      case "link":
      case "linkReference": {
        if (node.type === "link" && sourceOf(text, node).startsWith("<")) {
          edits.push(
            { start: startOf(node), end: startOf(node) + 1, text: "" },
            { start: endOf(node) - 1, end: endOf(node), text: "" },
          );
          repaired("turned <url> autolinks into bare URLs", line);
          return;
        }
        const verdict = verdictOf(node);
        if (verdict.kind === "unsafe") {
          unwrap(node);
          notes.push({
            kind: "removed",
            message: `link to ${urlOf(node)}: only http(s), mailto and relative links are allowed (kept its text)`,
            line,
          });
        } else if (verdict.kind === "dead") {
          unwrap(node);
          notes.push({
            kind: "removed",
            message: `dead link to ${urlOf(node)} (kept its text)`,
            line,
          });
        } else if (verdict.kind === "rewrite" && node.type === "link") {
          const last = node.children.at(-1);
          const title = node.title ? ` ${JSON.stringify(node.title)}` : "";
          edits.push({
            start: last ? endOf(last) : startOf(node) + 1,
            end: endOf(node),
            text: `](${verdict.url}${title})`,
          });
          notes.push({ kind: "repaired", message: `link ${node.url} -> ${verdict.url}`, line });
        }
        return;
      }
      case "definition": {
        const verdict = judgeLink(node.url, knownIds);
        if (verdict.kind === "unsafe") {
          removeNode(node, parent);
          notes.push({
            kind: "removed",
            message: `link definition [${node.label ?? node.identifier}]: ${node.url}: only http(s), mailto and relative links are allowed`,
            line,
          });
        } else if (verdict.kind === "dead") {
          removeNode(node, parent);
          notes.push({
            kind: "removed",
            message: `dead link definition [${node.label ?? node.identifier}]: ${node.url}`,
            line,
          });
        } else if (verdict.kind === "rewrite") {
          const title = node.title ? ` ${JSON.stringify(node.title)}` : "";
          edits.push({
            start: startOf(node),
            end: endOf(node),
            text: `[${node.label ?? node.identifier}]: ${verdict.url}${title}`,
          });
          notes.push({ kind: "repaired", message: `link ${node.url} -> ${verdict.url}`, line });
        }
        return;
      }
      case "image":
      case "imageReference": {
        const url = urlOf(node);
        if (url !== undefined && !isSafeUrl(url)) {
          edits.push({ start: startOf(node), end: endOf(node), text: escapeMdx(node.alt ?? "").text });
          notes.push({
            kind: "removed",
            message: `image ${abbreviate(url)}: only http(s) and relative image URLs are allowed; kept its alt text (add the file to public/ and link it by absolute path)`,
            line,
          });
        } else if (isDead(node)) {
          removeNode(node, parent);
          notes.push({
            kind: "warning",
            message: `removed image ${urlOf(node)}: add it to public/ and link it by absolute path`,
            line,
          });
        } else {
          const alt = escapeAlt(text, node);
          if (alt) {
            edits.push(alt.edit);
            repaired("escaped {, }, < or > that MDX would read as code", line);
          }
        }
        return;
      }
      default:
        return;
    }
  });

  for (const [message, lines] of repeated) {
    notes.push({ kind: "repaired", message: `${message} (line${lines.length > 1 ? "s" : ""} ${lines.join(", ")})` });
  }
  const body = applyEdits(text, edits)
    .replace(/^\s*\n/, "")
    .trimEnd();
  return { body: `${body}\n`, notes };
}

/**
 * Top-level paragraphs and list items that are nothing but dead links: the
 * whole line goes. A list whose items all go goes as a whole.
 */
function deadLineRanges(
  tree: Root,
  text: string,
  isDead: (node: LinkTarget) => boolean,
  notes: Note[],
): Array<[number, number]> {
  const drop = (node: Paragraph | List | ListItem, range: [number, number]): Array<[number, number]> => {
    const line = sourceOf(text, node).trim();
    notes.push({ kind: "removed", message: `"${line}": nothing but dead links or missing images`, line: lineOf(node) });
    return [range];
  };
  return tree.children.flatMap((block): Array<[number, number]> => {
    if (block.type === "paragraph") {
      return isDeadLine(block.children, isDead) ? drop(block, blockRange(text, block)) : [];
    }
    if (block.type !== "list") return [];
    const dead = block.children.filter((item) => {
      const [only, ...rest] = item.children;
      return only?.type === "paragraph" && rest.length === 0 && isDeadLine(only.children, isDead);
    });
    if (dead.length === block.children.length) return drop(block, blockRange(text, block));
    return dead.flatMap((item) => drop(item, lineRange(text, item)));
  });
}

/**
 * A line of nothing but links that point nowhere and images that are not
 * there, plus decoration ("🔗", "|", "«"): the source course's navigation.
 * Letters or digits outside the links make it prose, whose links are
 * unwrapped instead.
 */
function isDeadLine(children: readonly PhrasingContent[], isDead: (node: LinkTarget) => boolean): boolean {
  const targets = children.filter(
    (child): child is LinkTarget =>
      child.type === "link" ||
      child.type === "linkReference" ||
      child.type === "image" ||
      child.type === "imageReference",
  );
  if (targets.length === 0 || !targets.every(isDead)) return false;
  const rest = children
    .filter((child) => !(targets as readonly PhrasingContent[]).includes(child))
    .map((child) => toString(child));
  return !/[\p{L}\p{N}]/u.test(rest.join(""));
}

/** The deepest last text of a heading, which carries a trailing colon if there is one. */
function lastText(heading: Heading): Text | undefined {
  let node: Nodes = heading;
  while ("children" in node && node.children.length > 0) node = node.children.at(-1) as Nodes;
  return node.type === "text" ? node : undefined;
}

function shiftHeading(text: string, heading: Heading, shift: number, notes: Note[]): Edit[] {
  const depth = Math.min(6, heading.depth + shift);
  const start = startOf(heading);
  const atx = /^( {0,3})(#{1,6})/.exec(sourceOf(text, heading));
  if (atx) {
    const marks = start + (atx[1]?.length ?? 0);
    return [{ start: marks, end: marks + (atx[2]?.length ?? 0), text: "#".repeat(depth) }];
  }
  // Setext ("Title\n====="): rewrite as ATX when the title is one line.
  const first = heading.children[0];
  const last = heading.children.at(-1);
  if (first === undefined || last === undefined || first.position?.start.line !== last.position?.end.line) {
    notes.push({
      kind: "warning",
      message: `could not change the level of this multi-line heading to H${depth}`,
      line: lineOf(heading),
    });
    return [];
  }
  return [
    { start, end: start, text: `${"#".repeat(depth)} ` },
    { start: endOf(last), end: endOf(heading), text: "" },
  ];
}

function fenceCode(
  text: string,
  code: Code,
  parent: Parents | undefined,
  repaired: (message: string, line: number) => void,
  notes: Note[],
): Edit[] {
  const line = lineOf(code);
  const fence = openingFence(text, code);
  if (fence !== undefined) {
    if (code.lang) return [];
    const language = guessLanguage(code.value);
    repaired(`tagged untagged code fences as ${language}`, line);
    const at = startOf(code) + sourceOf(text, code).indexOf(fence) + fence.length;
    return [{ start: at, end: at, text: language }];
  }
  if (parent?.type !== "root") {
    notes.push({
      kind: "warning",
      message: "indented code inside a list or quote: MDX shows it as text (its {, }, <, > escaped); fence it by hand",
      line,
    });
    const source = sourceOf(text, code);
    const escaped = escapeProseLines(source);
    return escaped.text === source ? [] : [{ start: startOf(code), end: endOf(code), text: escaped.text }];
  }
  repaired("fenced indented code blocks (MDX has no indented code)", line);
  return [{ start: startOf(code), end: endOf(code), text: fenced(code.value, guessLanguage(code.value)) }];
}

/**
 * The source of one text node, rewritten: a heading's trailing colon dropped,
 * references to other courses' lessons dropped, and MDX's special characters
 * escaped. Escaping leaves alone what a text node's source holds besides its
 * text: a paragraph continuing inside a quote or list repeats the container's
 * "> " or indentation at the start of each line.
 */
function rewriteProse(source: string, endsHeading: boolean) {
  const strippedColon = endsHeading && /:\s*$/.test(source);
  const references = dropForeignReferences(strippedColon ? source.replace(/\s*:\s*$/, "") : source);
  const { text, escapes } = escapeProseLines(references.text);
  return { text, strippedColon, escapes, dropped: references.dropped, leftover: references.leftover };
}

/** MDX's special characters escaped in source that may continue inside a quote or list (its "> " or indentation kept). */
function escapeProseLines(source: string): { text: string; escapes: number } {
  let escapes = 0;
  const text = source
    .split("\n")
    .map((line, i) => {
      const prefix = i === 0 ? "" : (/^[ \t>]*/.exec(line)?.[0] ?? "");
      const escaped = escapeMdx(line.slice(prefix.length));
      escapes += escaped.count;
      return prefix + escaped.text;
    })
    .join("\n");
  return { text, escapes };
}

/**
 * MDX reads a line as ESM (JavaScript, run by the build) when it starts a
 * top-level block at column 1 with "import " or "export " (one space, see
 * micromark-extension-mdxjs-esm); anywhere else such a line is text.
 */
function looksLikeEsm(text: string, block: RootContent): boolean {
  return block.position?.start.column === 1 && /^(?:import|export) /.test(sourceOf(text, block));
}

function firstLine(source: string): string {
  const line = source.split("\n", 1)[0] ?? "";
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}

/** `code` in a fence longer than any backtick run inside it. */
function fenced(code: string, language: string): string {
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marker = "`".repeat(longestRun + 1);
  return `${marker}${language}\n${code}\n${marker}`;
}

/** data: URLs can be long; the scheme and a little of the rest say enough. */
function abbreviate(url: string): string {
  return url.length > 40 ? `${url.slice(0, 37)}...` : url;
}

/**
 * MDX parses an image's alt text as inline content, so "{" or "<" there is
 * an expression or a tag (an unclosed one fails the build). The alt source is
 * the bracketed label after "!": escape it as prose.
 */
function escapeAlt(text: string, image: Image | ImageReference): { edit: Edit } | undefined {
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
  return escaped.count === 0 ? undefined : { edit: { start, end: startOf(image) + end, text: escaped.text } };
}

/** Sorted, with overlapping or touching ranges joined, so no edit is applied twice. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
