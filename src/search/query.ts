/**
 * The state of a search, as it lives in the address bar: `?q=event+loop
 * &difficulty=beginner&keyword=asyncio&keyword=task`. Pure functions, so the
 * rules for what a query may be are unit-tested without a browser.
 */

/** Longer input is cut here: no lesson search needs more, and Pagefind would look up every word. */
export const MAX_QUERY_LENGTH = 100;

/** What every search field of the site shares: the query parameter, its limit, no autocorrection, "/" to focus it. */
export const SEARCH_INPUT_ATTRIBUTES = {
  name: "q",
  type: "search",
  maxlength: MAX_QUERY_LENGTH,
  autocomplete: "off",
  spellcheck: "false",
  enterkeyhint: "search",
  "aria-keyshortcuts": "/",
} as const;

/** One letter matches the start of nearly every word, which helps nobody. */
export const MIN_QUERY_LENGTH = 2;

/** The facets, in the order the search page shows them; each is a Pagefind filter and a URL parameter. */
export const FACETS = ["difficulty", "keyword"] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  query: string;
  filters: Record<Facet, string[]>;
}

/** Collapses whitespace and keeps at most MAX_QUERY_LENGTH characters (never half a surrogate pair). */
export function normalizeQuery(raw: string): string {
  const collapsed = raw.replace(/\s+/g, " ").trim();
  return Array.from(collapsed).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

/** True when normalizeQuery had to cut the text, so the page can say so. */
export function exceedsMaxLength(raw: string): boolean {
  return Array.from(raw.replace(/\s+/g, " ").trim()).length > MAX_QUERY_LENGTH;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const unique = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))];
  return {
    query: normalizeQuery(params.get("q") ?? ""),
    filters: { difficulty: unique(params.getAll("difficulty")), keyword: unique(params.getAll("keyword")) },
  };
}

/** The query string for a state, empty parts left out, so shared links stay short. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const facet of FACETS) {
    for (const value of state.filters[facet]) params.append(facet, value);
  }
  return params;
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/**
 * What to do with a state: nothing to search yet, a too-short query, or a
 * search. With filters but no words, the search lists every matching lesson.
 */
export type SearchPlan =
  { kind: "empty" } | { kind: "too-short" } | { kind: "search"; term: string | null; filters: PagefindFilter };

/** Pagefind's filter syntax: facets combine with AND, values inside one facet with OR (`any`). */
export type PagefindFilter = Partial<Record<Facet, { any: string[] }>>;

export function pagefindFilter(state: SearchState, except?: Facet): PagefindFilter {
  const filter: PagefindFilter = {};
  for (const facet of FACETS) {
    if (facet !== except && state.filters[facet].length > 0) filter[facet] = { any: state.filters[facet] };
  }
  return filter;
}

export function planSearch(state: SearchState): SearchPlan {
  const length = Array.from(state.query).length;
  if (length > 0 && length < MIN_QUERY_LENGTH) return { kind: "too-short" };
  if (length === 0 && !hasFilters(state)) return { kind: "empty" };
  return { kind: "search", term: length === 0 ? null : state.query, filters: pagefindFilter(state) };
}
