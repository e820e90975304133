/**
 * The browser side of Pagefind: `pagefind/pagefind.js` under the base, written by the build
 * next to the index. Only the part of its API the UI uses is typed here (from
 * Pagefind 1.5's search API documentation and the objects it returns).
 */
import { MESSAGES } from "./messages";
import type { PagefindFilter } from "./query";
import { addressBook } from "../site/urls";

/** For each filter, how many pages carry each of its values: `{ difficulty: { beginner: 2 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSubResult {
  title: string;
  /** The page URL, with `#heading-id` when the match sits under a heading. */
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Partial<Record<"title" | "description" | "difficulty" | "keywords", string>>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** For each filter value, how many of the results carry it. */
  filters: FilterCounts;
}

export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** A null term lists every page that passes the filters. */
  search(term: string | null, options?: { filters?: PagefindFilter }): Promise<PagefindResponse>;
  /** Every filter value in the index, counted over all pages. */
  filters(): Promise<FilterCounts>;
}

/**
 * Ranking: a match in a lesson's frontmatter keywords (stored as the
 * `keywords` metadata, see SearchIndexData.astro) counts ten times a match in
 * its text, so a lesson that lists a keyword ranks above lessons that only
 * mention the word. Titles keep Pagefind's default boost of 5.
 */
const RANKING = { metaWeights: { title: 5, keywords: 10 } };

/** Words per excerpt: enough for a sentence of context around the match. */
const EXCERPT_LENGTH = 24;

// Vite defines the base under `astro dev`; src/search/ui-bundle.ts does in the bundle.
const urls = addressBook(import.meta.env.BASE_URL);

class SearchUnavailableError extends Error {}

let loading: Promise<PagefindModule> | undefined;
let failures = 0;

/**
 * Imports and configures Pagefind once per page; later calls share the same
 * promise. A failed load is forgotten, so the next search tries again.
 */
export function loadPagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    let pagefind: PagefindModule;
    try {
      // A runtime URL, not a module of this bundle: it exists only in the built site.
      // Browsers remember a failed module import by its address, so a retry asks for a new one
      // (Pagefind finds its files from its own address, query string or not).
      const url = `${urls.pagefind}${failures ? `?retry=${failures}` : ""}`;
      pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
    } catch (error) {
      throw new SearchUnavailableError(import.meta.env.DEV ? MESSAGES.devNoIndex : MESSAGES.unavailable, {
        cause: error,
      });
    }
    // Pagefind records page URLs from the built folder's root ("/lessons/x/"); baseUrl puts the base
    // in front of them. Pagefind would guess it from its own address; said here, it never depends on that.
    await pagefind.options({ ranking: RANKING, excerptLength: EXCERPT_LENGTH, baseUrl: urls.home });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    failures++;
    loading = undefined;
  });
  return loading;
}
