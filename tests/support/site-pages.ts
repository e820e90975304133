/**
 * The built site the browser tests run against, and every page a quality
 * check must cover: the pages a reader reaches by following links from the
 * home page, the 404 page, and the search page in the states its address can
 * put it in. Crawled once per worker.
 *
 * The site may be built under a base path (BASE_PATH=/course/, see
 * playwright.config.ts): tests build every address with `site`, the address
 * book of src/site/urls.ts, never by hand.
 */
import { join } from "node:path";
import { addressBook, normalizeBase } from "../../src/site/urls";
import { checkLinks, formatLinkProblems, httpFetcher } from "../../src/quality/link-checker";

/** The base the site under test was built with: Astro's `base`, from the same variable as astro.config.mjs. */
export const SITE_BASE = normalizeBase(process.env.BASE_PATH || "/");

/** Addresses in the site under test, under its base. */
export const site = addressBook(SITE_BASE);

/** The built site on disk: what the preview server serves to the browser tests (E2E_OUT_DIR, default dist). */
export const BUILT_SITE = join(import.meta.dirname, "../..", process.env.E2E_OUT_DIR || "dist");

/** An address that answers with the 404 page. */
export const NOT_FOUND_PAGE = site.page("no-such-page/");

/** Addresses that no link leads to but a reader can still land on. */
export const EXTRA_PAGES = [NOT_FOUND_PAGE, site.search("q=event+loop"), site.search("q=gather&difficulty=beginner")];

/** A page's address as a path from the built site's folder ("/course/path/" -> "/path/"), for checks that read dist. */
export function builtPath(address: string): string {
  const path = site.sitePath(address);
  if (path === null) throw new Error(`${address} is not under the site's base ${SITE_BASE}`);
  return path;
}

const crawls = new Map<string, Promise<string[]>>();

/** Addresses (with the base) of the pages reached by links from the home page. Fails if the crawl finds broken links. */
export function crawledPages(baseURL: string): Promise<string[]> {
  if (!crawls.has(baseURL)) {
    crawls.set(
      baseURL,
      checkLinks(baseURL, site.home, httpFetcher).then(({ pages, problems }) => {
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

/**
 * Tags the tests that also run against the site built under a base path (`npm run test:base`): the link
 * crawl, the sitemap and canonical URLs, search in the header and on its page, the learning path, the 404 page.
 */
export const BASE_PASS = { tag: "@base" };
