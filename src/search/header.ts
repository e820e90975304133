/**
 * The search field in every page's header: results drop down as the reader
 * types. Without this module the field is a plain form that opens the search
 * page, and Enter still does that here, so the full page with filters is one
 * key away.
 */
import { runSearch } from "./engine";
import { MESSAGES, resultSummary } from "./messages";
import { loadPagefind } from "./pagefind-client";
import { normalizeQuery, paramsFromState, planSearch, type SearchState } from "./query";
import { renderResult } from "./render";
import { addressBook } from "../site/urls";

// Vite defines the base under `astro dev`; src/search/ui-bundle.ts does in the bundle.
const urls = addressBook(import.meta.env.BASE_URL);
const SHOWN_RESULTS = 5;
const TYPING_PAUSE_MS = 120;

function parts(form: HTMLFormElement) {
  const get = <T extends Element>(selector: string) => {
    const found = form.querySelector<T>(selector);
    if (!found) throw new Error(`The header search form has no ${selector}; see SearchBox.astro.`);
    return found;
  };
  return {
    input: get<HTMLInputElement>("input[name=q]"),
    panel: get<HTMLElement>("[data-search-panel]"),
    status: get<HTMLElement>("[data-search-status]"),
    announcer: get<HTMLElement>("[data-search-announcer]"),
    list: get<HTMLOListElement>("[data-search-results]"),
    all: get<HTMLAnchorElement>("[data-search-all]"),
  };
}

export function attachHeaderSearch(form: HTMLFormElement): void {
  if (form.dataset.searchReady) return;
  form.dataset.searchReady = "true";
  const { input, panel, status, announcer, list, all } = parts(form);
  let generation = 0;
  /** The query whose results the panel holds, so focus coming back to the field does not search again. */
  let shownQuery: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string) => {
    status.textContent = text;
    announcer.textContent = text;
  };
  const open = () => (panel.hidden = false);
  const close = () => (panel.hidden = true);

  /** Replaces the listed results. Focus on a result that disappears goes back to the field, not to the page. */
  const show = (results: HTMLLIElement[]) => {
    if (panel.contains(document.activeElement)) input.focus();
    list.replaceChildren(...results);
  };

  const update = async () => {
    const current = ++generation;
    const state: SearchState = { query: normalizeQuery(input.value), filters: { difficulty: [], keyword: [] } };
    const plan = planSearch(state);
    shownQuery = null;
    if (plan.kind !== "search") {
      show([]);
      all.hidden = true;
      if (plan.kind === "empty") close();
      else open();
      say(plan.kind === "empty" ? "" : MESSAGES.tooShort);
      return;
    }
    open();
    // Earlier results stay until the new ones arrive, so the list does not flicker while typing.
    status.textContent = MESSAGES.searching;
    try {
      const outcome = await runSearch(await loadPagefind(), plan, SHOWN_RESULTS);
      if (current !== generation) return;
      show(outcome.results.map((result) => renderResult(result, { sections: 1 })));
      all.href = urls.search(paramsFromState(state));
      all.textContent = outcome.total > SHOWN_RESULTS ? `All ${outcome.total} results, with filters` : "Filter results";
      all.hidden = outcome.total === 0;
      say(resultSummary(outcome.total, state));
      shownQuery = state.query;
    } catch (error) {
      if (current !== generation) return;
      show([]);
      all.hidden = true;
      say(error instanceof Error ? error.message : String(error));
    }
  };

  /** The links a reader can move through with the arrow keys, in page order. */
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>("a:not([hidden])")];

  form.addEventListener("keydown", (event) => {
    const items = links();
    const index = items.indexOf(event.target as HTMLAnchorElement);
    if (event.key === "ArrowDown" && !panel.hidden && items.length > 0) {
      event.preventDefault();
      items[Math.min(index + 1, items.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : items[index - 1])?.focus();
    } else if (event.key === "Escape") {
      // A search still waiting for a typing pause, or on its way, must not open the list afterwards.
      clearTimeout(timer);
      generation++;
      if (panel.hidden) return;
      event.preventDefault();
      close();
      input.focus();
    }
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, TYPING_PAUSE_MS);
  });
  input.addEventListener("focus", (event) => {
    // Focus coming back from a result (arrow keys, Escape) leaves the list as the reader left it:
    // searching again would replace the links under the keyboard.
    if (event.relatedTarget instanceof Node && form.contains(event.relatedTarget)) return;
    if (!input.value.trim()) return;
    if (normalizeQuery(input.value) === shownQuery) open();
    else void update();
  });
  form.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) close();
  });
  form.addEventListener("submit", (event) => {
    // The search page takes the query as typed; an empty one would only show the hint.
    if (!normalizeQuery(input.value)) event.preventDefault();
  });

  // The reader has reached for search: fetch the index now, so the first
  // results do not wait for it, and say at once if it is missing (`astro dev`).
  loadPagefind().catch((error: Error) => {
    open();
    say(error.message);
  });
  if (input.value.trim()) void update();
}
