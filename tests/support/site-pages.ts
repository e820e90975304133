/**
 * Every page a quality check must cover: the pages a reader reaches by
 * following links from /, the 404 page, and the search page in the states
 * its address can put it in. Crawled once per worker.
 */
import { join } from "node:path";
import { checkLinks, formatLinkProblems, httpFetcher } from "./link-checker";

/** The built site on disk: what the preview server serves to the browser tests. */
export const BUILT_SITE = join(import.meta.dirname, "../../dist");

/** An address that answers with the 404 page. */
export const NOT_FOUND_PAGE = "/no-such-page/";

/** Addresses that no link leads to but a reader can still land on. */
export const EXTRA_PAGES = [NOT_FOUND_PAGE, "/search/?q=event+loop", "/search/?q=gather&difficulty=beginner"];

const crawls = new Map<string, Promise<string[]>>();

/** Paths of the pages reached by links from /, each a built page of its own. Fails if the crawl finds broken links. */
export function crawledPages(baseURL: string): Promise<string[]> {
  if (!crawls.has(baseURL)) {
    crawls.set(
      baseURL,
      checkLinks(baseURL, "/", httpFetcher).then(({ pages, problems }) => {
        if (problems.length > 0) throw new Error(formatLinkProblems(problems));
        return pages;
      }),
    );
  }
  return crawls.get(baseURL)!;
}

/** The crawled pages, then the extra ones. */
export async function sitePages(baseURL: string): Promise<string[]> {
  return [...(await crawledPages(baseURL)), ...EXTRA_PAGES];
}
