/**
 * The /search/ page. The address bar is the single source of truth: the page
 * reads the query and the filters from it on load and writes them back (with
 * replaceState, so typing does not fill the history) on every change, so a
 * search survives a reload and can be shared as a link.
 */
import { runSearch, type SearchOutcome } from "./engine";
import { MESSAGES, resultSummary } from "./messages";
import { loadPagefind } from "./pagefind-client";
import {
  FACETS,
  exceedsMaxLength,
  hasFilters,
  normalizeQuery,
  paramsFromState,
  planSearch,
  stateFromParams,
  type SearchState,
} from "./query";
import { renderResult } from "./render";

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 150;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`The search page has no ${selector}; see src/pages/search.astro.`);
  return found;
}

export function startSearchPage(root: HTMLElement): void {
  const form = required<HTMLFormElement>(root, "form");
  const input = required<HTMLInputElement>(form, "input[name=q]");
  const status = required<HTMLElement>(root, "[data-search-status]");
  const note = required<HTMLElement>(root, "[data-search-note]");
  const list = required<HTMLOListElement>(root, "[data-search-results]");
  const moreButton = required<HTMLButtonElement>(root, "[data-search-more]");
  const filtersBox = required<HTMLDetailsElement>(root, "[data-search-filters]");
  const boxes = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  let generation = 0;
  let outcome: SearchOutcome | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState => {
    const checked = (facet: string) => boxes.filter((box) => box.name === facet && box.checked).map((box) => box.value);
    return {
      query: normalizeQuery(input.value),
      filters: { difficulty: checked("difficulty"), keyword: checked("keyword") },
    };
  };

  /** Replaces the listed results. Focus on a result that disappears goes back to the field, not to the page. */
  const show = (results: HTMLLIElement[]) => {
    if (list.contains(document.activeElement)) input.focus();
    list.replaceChildren(...results);
  };

  const search = async () => {
    const current = ++generation;
    const state = readForm();
    const params = paramsFromState(state).toString();
    history.replaceState(history.state, "", params ? `?${params}` : location.pathname);
    const plan = planSearch(state);
    outcome = undefined;
    moreButton.hidden = true;
    if (plan.kind !== "search") {
      show([]);
      status.textContent = plan.kind === "empty" ? MESSAGES.empty : MESSAGES.tooShort;
      return;
    }
    // The status is a live region: it announces the outcome, not every keystroke's "busy".
    list.setAttribute("aria-busy", "true");
    try {
      const found = await runSearch(await loadPagefind(), plan, PAGE_SIZE);
      if (current !== generation) return;
      outcome = found;
      show(found.results.map((result) => renderResult(result, { headingLevel: 2, sections: 3 })));
      moreButton.hidden = found.total <= found.results.length;
      status.textContent = resultSummary(found.total, state);
    } catch (error) {
      if (current !== generation) return;
      show([]);
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      if (current === generation) list.removeAttribute("aria-busy");
    }
  };

  moreButton.addEventListener("click", async () => {
    if (!outcome) return;
    const current = generation;
    const shownBefore = list.children.length;
    const next = await outcome.more(PAGE_SIZE);
    if (current !== generation) return;
    list.append(...next.map((result) => renderResult(result, { headingLevel: 2, sections: 3 })));
    moreButton.hidden = list.children.length >= outcome.total;
    // Keep keyboard users in place: move to the first newly added result.
    list.children[shownBefore]?.querySelector("a")?.focus();
  });
  input.addEventListener("input", () => {
    note.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(search, TYPING_PAUSE_MS);
  });
  input.addEventListener("keydown", (event) => {
    // A shortcut past the filters: the results are plain links in tab order after them.
    if (event.key !== "ArrowDown") return;
    const first = list.querySelector("a");
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "checkbox") void search();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });

  // Restore the search from the address bar. Filter values that no checkbox
  // offers (a stale or hand-edited link) are dropped rather than silently
  // hiding every result.
  const raw = new URLSearchParams(location.search);
  const state = stateFromParams(raw);
  input.value = state.query;
  for (const box of boxes) {
    box.checked = FACETS.some((facet) => box.name === facet && state.filters[facet].includes(box.value));
  }
  if (exceedsMaxLength(raw.get("q") ?? "")) note.textContent = MESSAGES.truncated;
  // On a phone the filters would push the results off screen; they start folded unless in use.
  filtersBox.open = hasFilters(state) || matchMedia("(min-width: 50rem)").matches;
  root.hidden = false;
  void search();
}
