/**
 * Builds result markup with DOM calls only. Titles, metadata and queries are
 * set as text; excerpts go through excerptPieces, so no string from the index
 * or the address bar is ever parsed as HTML.
 */
import { excerptPieces } from "./excerpt";
import type { PagefindResultData, PagefindSubResult } from "./pagefind-client";

export interface ResultLayout {
  /** The search page gives each result a heading; the header's dropdown does not. */
  headingLevel?: 2;
  /** How many section links to show under a result. */
  sections: number;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

export function excerpt(html: string): HTMLParagraphElement {
  const paragraph = element("p", "search-excerpt");
  for (const piece of excerptPieces(html)) {
    paragraph.append(piece.marked ? element("mark", "", piece.text) : piece.text);
  }
  return paragraph;
}

function link(href: string, className: string, text: string): HTMLAnchorElement {
  const anchor = element("a", className, text);
  anchor.href = href;
  return anchor;
}

function difficultyBadge(difficulty: string): HTMLSpanElement {
  const badge = element("span", "badge", element("span", "visually-hidden", "Difficulty: "), difficulty);
  if (/^[a-z]+$/.test(difficulty)) badge.classList.add(`badge-${difficulty}`);
  return badge;
}

/** Matches under a heading: those link to the section. A match above every heading only repeats the page link. */
function sections(result: PagefindResultData): PagefindSubResult[] {
  return result.sub_results.filter((sub) => sub.anchor !== undefined && sub.url.includes("#"));
}

export function renderResult(result: PagefindResultData, layout: ResultLayout): HTMLLIElement {
  const title = result.meta.title ?? result.url;
  const titleLink = link(result.url, "search-result-link", title);
  const item = element(
    "li",
    "search-result",
    layout.headingLevel ? element(`h${layout.headingLevel}`, "search-result-title", titleLink) : titleLink,
  );
  if (result.meta.difficulty) item.append(element("p", "search-result-meta", difficultyBadge(result.meta.difficulty)));

  const shown = sections(result).slice(0, layout.sections);
  if (shown.length === 0) {
    item.append(excerpt(result.excerpt));
    return item;
  }
  const list = element("ul", "search-sections");
  for (const section of shown) {
    list.append(element("li", "", link(section.url, "search-section-link", section.title), excerpt(section.excerpt)));
  }
  item.append(list);
  return item;
}
