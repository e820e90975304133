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
import { addressBook, type AddressBook } from "../site/urls";

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

/**
 * Paths here are paths in the built folder ("/lessons/x/"); the HTML links to addresses under the
 * site's base ("/course/lessons/x/"). A link outside the base reaches nothing the site serves.
 */
function toBuiltPath(urls: AddressBook, address: string, from: string): string {
  const path = urls.sitePath(address);
  if (path === null) throw new Error(`${from} links to ${address}, which is outside the site's base ${urls.home}.`);
  return path;
}

/** Built paths of the files a stylesheet loads with url(...), relative to the stylesheet. */
function cssReferences(css: string, from: string, urls: AddressBook): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((match) => match[1]!)
    .filter((url) => !url.startsWith("data:"))
    .map((url) => new URL(url, `http://site${urls.page(from)}`))
    .filter((url) => url.host === "site")
    .map((url) => toBuiltPath(urls, url.pathname, from));
}

/** Built paths of the site's own files only: links to other origins are not part of the site's weight. */
function sitePath(href: string, page: string, urls: AddressBook): string | null {
  const url = new URL(href, `http://site${urls.page(page)}`);
  return url.host === "site" ? toBuiltPath(urls, decodeURIComponent(url.pathname), htmlFileOf(page)) : null;
}

function linkedFiles(
  html: string,
  page: string,
  urls: AddressBook,
): { files: { path: string; kind: ResourceKind }[]; inline: Resource[] } {
  const files: { path: string; kind: ResourceKind }[] = [];
  const inline: Resource[] = [];
  const add = (href: unknown, kind: ResourceKind) => {
    if (typeof href !== "string" || href === "") return;
    const path = sitePath(href, page, urls);
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

/** The weight of one page (its path in the folder, "/lessons/x/") of a site built into `dist` under Astro's `base`. */
export function pageWeight(dist: string, page: string, base = "/"): PageWeight {
  const urls = addressBook(base);
  const htmlPath = htmlFileOf(page);
  const html = readFileSync(join(dist, htmlPath));
  const resources: Resource[] = [{ path: htmlPath, kind: "html", bytes: html.length, gzipBytes: gzipSize(html) }];
  const { files, inline } = linkedFiles(html.toString("utf8"), page, urls);
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
      queue.push(...cssReferences(data.toString("utf8"), path, urls).map((p) => ({ path: p, kind: "other" as const })));
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
