/**
 * A link checker for the built site: crawls every page reachable from a start
 * page, and reports each internal link whose target page does not answer
 * 200, or whose #fragment names no element on that page. External links are
 * not fetched (the tests run without a network). It fetches over HTTP, so
 * trailing slashes and the 404 page behave as the reader sees them.
 */
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";

export interface Fetched {
  status: number;
  contentType: string;
  body: string;
}

/** Fetches a URL; errors must come back as a status, not be thrown. */
export type Fetcher = (url: URL) => Promise<Fetched>;

export interface LinkProblem {
  /** The page the link is on (a path). */
  page: string;
  /** The link as written; absent for a problem of the page itself. */
  href?: string;
  reason: string;
}

export interface LinkReport {
  /** Paths of the HTML pages crawled, in the order reached. */
  pages: string[];
  problems: LinkProblem[];
}

/** Attributes that point at another resource, per element. */
const LINK_PROPERTIES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  use: ["href", "xLinkHref"],
  img: ["src", "srcSet"],
  source: ["src", "srcSet"],
  script: ["src"],
  iframe: ["src"],
  audio: ["src"],
  video: ["src", "poster"],
  track: ["src"],
  embed: ["src"],
  form: ["action"],
};

interface ParsedPage {
  ids: Map<string, number>;
  links: string[];
}

export function parsePage(html: string): ParsedPage {
  const tree: Root = fromHtml(html);
  const ids = new Map<string, number>();
  const links: string[] = [];
  visit(tree, "element", (element: Element) => {
    const { id, name } = element.properties;
    if (typeof id === "string") ids.set(id, (ids.get(id) ?? 0) + 1);
    if (element.tagName === "a" && typeof name === "string") ids.set(name, ids.get(name) ?? 1);
    for (const property of LINK_PROPERTIES[element.tagName] ?? []) {
      const value = element.properties[property];
      if (typeof value !== "string") continue;
      if (property === "srcSet") links.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!));
      else links.push(value);
    }
  });
  return { ids, links: links.filter(Boolean) };
}

/** "top" and "" scroll to the top of any page, by the HTML standard. */
const alwaysThere = (fragment: string) => fragment === "" || fragment.toLowerCase() === "top";

/** The id a #fragment names, or null when its percent-encoding is broken. */
function decodeFragment(hash: string): string | null {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}

export async function checkLinks(origin: string, start: string, fetcher: Fetcher): Promise<LinkReport> {
  const cache = new Map<string, Promise<Fetched>>();
  const parsed = new Map<string, ParsedPage>();
  const fetchOnce = (url: URL) => {
    const key = url.pathname + url.search;
    if (!cache.has(key)) cache.set(key, fetcher(url));
    return cache.get(key)!;
  };
  const parseOnce = (key: string, body: string) => {
    if (!parsed.has(key)) parsed.set(key, parsePage(body));
    return parsed.get(key)!;
  };

  const pages: string[] = [];
  const problems: LinkProblem[] = [];
  const queue = [new URL(start, origin)];
  const queued = new Set([queue[0]!.pathname]);

  while (queue.length > 0) {
    const url = queue.shift()!;
    const page = url.pathname;
    const response = await fetchOnce(url);
    if (response.status !== 200) {
      problems.push({ page, reason: `the page itself answers ${response.status}` });
      continue;
    }
    if (!response.contentType.includes("text/html")) continue;
    pages.push(page);
    const { ids, links } = parseOnce(page, response.body);

    for (const [id, count] of ids) {
      if (count > 1) problems.push({ page, reason: `id "${id}" is used ${count} times, so #${id} is ambiguous` });
    }

    for (const href of links) {
      const target = new URL(href, url);
      if (target.origin !== url.origin || !/^https?:$/.test(target.protocol)) continue;
      const fragment = decodeFragment(target.hash);
      if (fragment === null) {
        problems.push({ page, href, reason: `the fragment ${target.hash} is not valid percent-encoding` });
      }
      const answer = await fetchOnce(target);
      if (answer.status !== 200) {
        problems.push({ page, href, reason: `${target.pathname} answers ${answer.status}` });
        continue;
      }
      const isHtml = answer.contentType.includes("text/html");
      const found = (id: string) => parseOnce(target.pathname, answer.body).ids.has(id);
      if (isHtml && fragment !== null && !alwaysThere(fragment) && !found(fragment)) {
        problems.push({ page, href, reason: `${target.pathname} has no element with id "${fragment}"` });
      }
      if (isHtml && !queued.has(target.pathname)) {
        queued.add(target.pathname);
        queue.push(new URL(target.pathname, origin));
      }
    }
  }
  return { pages, problems };
}

export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  const lines = problems.map(
    (problem) => `  on ${problem.page}: ${problem.href ? `link "${problem.href}": ` : ""}${problem.reason}`,
  );
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [`The link checker found ${count}:`, ...lines].join("\n");
}

/** A Fetcher over real HTTP, which never follows redirects: a redirected link is reported. */
export const httpFetcher: Fetcher = async (url) => {
  try {
    const response = await fetch(url, { redirect: "manual" });
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      body: await response.text(),
    };
  } catch (error) {
    return { status: 0, contentType: "", body: String(error) };
  }
};
