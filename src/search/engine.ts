/**
 * Runs a planned search and loads the data of the first results. Pagefind
 * answers with every match at once but fetches each result's text separately,
 * so the UI asks only for what it shows.
 */
import type { PagefindModule, PagefindResult, PagefindResultData } from "./pagefind-client";
import type { SearchPlan } from "./query";

export interface SearchOutcome {
  total: number;
  results: PagefindResultData[];
  /** Loads the next results after the ones already shown. */
  more(count: number): Promise<PagefindResultData[]>;
}

export async function runSearch(
  pagefind: PagefindModule,
  plan: Extract<SearchPlan, { kind: "search" }>,
  count: number,
): Promise<SearchOutcome> {
  const response = await pagefind.search(plan.term, { filters: plan.filters });
  const matches: PagefindResult[] = response.results;
  let shown = 0;
  const more = async (next: number) => {
    const slice = matches.slice(shown, shown + next);
    shown += slice.length;
    return Promise.all(slice.map((result) => result.data()));
  };
  return { total: matches.length, results: await more(count), more };
}
