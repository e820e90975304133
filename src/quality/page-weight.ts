/**
 * The weight of a built page as a reader's browser receives it before they
 * interact: the HTML, the stylesheets and scripts it links, and what those
 * pull in (icons, images, fonts), raw and gzipped. Read from dist/ without a
 * browser, so the figures are exact and repeatable; the budget test checks
 * against a real browser that nothing loaded is left out.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";

export type ResourceKind = "html" | "css" | "js" | "other";

export interface Resource {
  /** Site path of the file, or "inline" for a <script> or <style> in the HTML. */
  path: string;
  kind: ResourceKind;
  bytes: number;
  gzipBytes: number;
}

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Site path of the page, e.g. /lessons/intro/. */
  page: string;
  /** The HTML file, inline scripts and styles included. */
  html: Bytes;
  /** Linked stylesheets plus inline <style>. */
  css: Bytes;
  /** Scripts run before interaction: <script src>, module preloads and inline scripts. */
  js: Bytes;
  /** Icons, images and fonts the page or its CSS loads. */
  other: Bytes;
  /** What crosses the network: the HTML file and every linked file (inline code counted once, in the HTML). */
  total: Bytes;
  /** Files fetched, in document order, plus inline code. */
  resources: Resource[];
}

const gzipSize = (data: Buffer | string) => gzipSync(data).length;

/** Site path of the HTML file that serves a page path. */
export function htmlFileOf(page: string): string {
  if (page.endsWith(".html")) return page;
  return `${page.endsWith("/") ? page : `${page}/`}index.html`;
}

/** Site paths of the files a stylesheet loads with url(...), relative to the stylesheet. */
function cssReferences(css: string, from: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((match) => match[1]!)
    .filter((url) => !url.startsWith("data:"))
    .map((url) => new URL(url, `http://site${from}`))
    .filter((url) => url.host === "site")
    .map((url) => url.pathname);
}

/** Site-relative paths only: links to other origins are not part of the site's weight. */
function sitePath(href: string, page: string): string | null {
  const url = new URL(href, `http://site${page}`);
  return url.host === "site" ? decodeURIComponent(url.pathname) : null;
}

function linkedFiles(
  html: string,
  page: string,
): { files: { path: string; kind: ResourceKind }[]; inline: Resource[] } {
  const files: { path: string; kind: ResourceKind }[] = [];
  const inline: Resource[] = [];
  const add = (href: unknown, kind: ResourceKind) => {
    if (typeof href !== "string" || href === "") return;
    const path = sitePath(href, page);
    if (path) files.push({ path, kind });
  };
  visit(fromHtml(html), "element", (element: Element) => {
    const { properties } = element;
    const rel = Array.isArray(properties.rel) ? properties.rel.map(String) : [];
    if (element.tagName === "link") {
      if (rel.includes("stylesheet")) add(properties.href, "css");
      else if (rel.includes("modulepreload")) add(properties.href, "js");
      else if (rel.includes("icon") || rel.includes("preload")) add(properties.href, "other");
    } else if (element.tagName === "script") {
      const type = String(properties.type ?? "");
      if (type !== "" && type !== "module" && !type.includes("javascript")) return; // data, not code
      if (properties.src) add(properties.src, "js");
      else {
        const code = element.children.map((child) => ("value" in child ? child.value : "")).join("");
        inline.push({ path: "inline", kind: "js", bytes: Buffer.byteLength(code), gzipBytes: gzipSize(code) });
      }
    } else if (element.tagName === "style") {
      const css = element.children.map((child) => ("value" in child ? child.value : "")).join("");
      inline.push({ path: "inline", kind: "css", bytes: Buffer.byteLength(css), gzipBytes: gzipSize(css) });
    } else if (element.tagName === "img" && properties.loading !== "lazy") {
      add(properties.src, "other");
    }
  });
  return { files, inline };
}

/** The weight of one page of a built site in `dist`. */
export function pageWeight(dist: string, page: string): PageWeight {
  const htmlPath = htmlFileOf(page);
  const html = readFileSync(join(dist, htmlPath));
  const resources: Resource[] = [{ path: htmlPath, kind: "html", bytes: html.length, gzipBytes: gzipSize(html) }];
  const { files, inline } = linkedFiles(html.toString("utf8"), page);
  const seen = new Set([htmlPath]);
  const queue = [...files];
  while (queue.length > 0) {
    const { path, kind } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(dist, path);
    if (!existsSync(file)) throw new Error(`${htmlPath} links to ${path}, which is not in ${dist}.`);
    const data = readFileSync(file);
    resources.push({ path, kind, bytes: data.length, gzipBytes: gzipSize(data) });
    if (kind === "css")
      queue.push(...cssReferences(data.toString("utf8"), path).map((p) => ({ path: p, kind: "other" as const })));
  }
  resources.push(...inline);

  const sum = (chosen: Resource[]): Bytes => ({
    raw: chosen.reduce((total, resource) => total + resource.bytes, 0),
    gzip: chosen.reduce((total, resource) => total + resource.gzipBytes, 0),
  });
  const ofKind = (kind: ResourceKind) => sum(resources.filter((resource) => resource.kind === kind));
  return {
    page,
    html: ofKind("html"),
    css: ofKind("css"),
    js: ofKind("js"),
    other: ofKind("other"),
    total: sum(resources.filter((resource) => resource.path !== "inline")),
    resources,
  };
}
