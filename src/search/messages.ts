/** What the search UI says, in one place: the status line is what screen readers announce. */
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, hasFilters, type SearchState } from "./query";
import { lessonCount as lessons } from "../site/names";

export const MESSAGES = {
  empty: "Type a word to search the lessons, or choose a difficulty or keyword.",
  tooShort: `Type at least ${MIN_QUERY_LENGTH} characters to search.`,
  searching: "Searching…",
  truncated: `Only the first ${MAX_QUERY_LENGTH} characters of the search are used.`,
  /** Under `astro dev` there is no index: Pagefind runs after the build. */
  devNoIndex: "Search works on the built site only: its index is made by npm run build. Run npm start to try it.",
  unavailable: "Search is unavailable: the search index could not be loaded. Please try again later.",
} as const;

export function resultSummary(total: number, state: SearchState): string {
  const filtered = hasFilters(state);
  if (!state.query) {
    return total === 0 ? "No lessons match the selected filters." : `${lessons(total)} match the selected filters.`;
  }
  const scope = filtered ? " with the selected filters" : "";
  if (total === 0) {
    return `No lessons found for “${state.query}”${scope}.${filtered ? " Try removing a filter." : ""}`;
  }
  return `${lessons(total)} found for “${state.query}”${scope}.`;
}
