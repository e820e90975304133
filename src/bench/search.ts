/**
 * What one search costs a reader: the bytes a real Chromium fetches for the
 * search UI and the Pagefind index when a query is run on a built site.
 */
import { chromium } from "@playwright/test";
import { chromiumArgs, ensureChromium } from "../tooling/chromium";
import { serveDirectory } from "../tooling/static-server";
import { addressBook, PAGEFIND_DIR } from "../site/urls";

/** The benchmark builds its sites at the root. */
const urls = addressBook("/");

export interface QueryCost {
  query: string;
  results: number;
  /** Requests and bytes for files under /pagefind/ (the index, its WebAssembly and its loader). */
  indexRequests: number;
  indexBytes: number;
  /** The search UI module (/search-ui.js). */
  uiBytes: number;
}

/** Opens /search/?q=<query> on the site in `dist` (served on a free port) and counts what is fetched. */
export async function measureQuery(dist: string, query: string): Promise<QueryCost> {
  const server = await serveDirectory(dist, 0);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs() });
  try {
    const page = await browser.newPage();
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      sizes.push(response.body().then((body) => ({ path, bytes: body.length })));
    });
    await page.goto(`${server.url}${urls.search(new URLSearchParams({ q: query }))}`);
    const results = page.locator("[data-search-page] [data-search-results] > li");
    await results.first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const fetched = await Promise.all(sizes);
    const index = fetched.filter((file) => file.path.startsWith(urls.page(`${PAGEFIND_DIR}/`)));
    return {
      query,
      results: await results.count(),
      indexRequests: index.length,
      indexBytes: index.reduce((sum, file) => sum + file.bytes, 0),
      uiBytes: fetched.filter((file) => file.path === urls.searchUi).reduce((sum, file) => sum + file.bytes, 0),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
