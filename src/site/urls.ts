/**
 * The site's address book: every internal URL, built from Astro's `base`
 * ("/" or a folder such as "/course/"), so the site works wherever it is
 * deployed. Pure, with no Astro imports: pages pass `import.meta.env.BASE_URL`,
 * integrations the `config.base` they receive, tests any base they like.
 */

/** The search UI's entry module, relative to the project root (bundled by src/search/ui-bundle.ts). */
export const SEARCH_UI_ENTRY = "src/search/ui.ts";

/** The search UI bundle's file in the built site. */
export const SEARCH_UI_FILE = "search-ui.js";

/** The folder of the built site that holds the Pagefind index and its loader. */
export const PAGEFIND_DIR = "pagefind";

/** `base` as a folder: a leading and a trailing slash ("/", "/course/"), whatever Astro's trailingSlash did to it. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The folder of the built site that holds the in-browser Python: its runtime and the runner (src/integrations/python-runner.ts). */
export const PYTHON_DIR = "python";

/** The folder of the built site that holds the lessons' raw sources. */
export const SOURCES_DIR = "sources";

/** The file name of a lesson's raw source, from its `source` field ("content/sources/x.md" -> "x.md"). */
export function sourceFileName(source: string): string {
  return source.slice(source.lastIndexOf("/") + 1);
}

export interface AddressBook {
  /** The folder the site lives in, ending in "/": the home page. */
  home: string;
  lesson(id: string): string;
  /** The list of keywords. */
  keywords: string;
  /** A keyword's page, by its slug (src/graph/keywords.ts makes slugs). */
  keyword(slug: string): string;
  /** The learning path. */
  path: string;
  /** A lesson's raw source as received, by its `source` field ("content/sources/x.md"). */
  source(source: string): string;
  /** The search page, with its query string when `params` has any. */
  search(params?: URLSearchParams | string): string;
  /** Pagefind's loader module in the built site. */
  pagefind: string;
  /** The search UI module in the built site. */
  searchUi: string;
  /** The search UI under `astro dev`, where Vite compiles the source on request. */
  searchUiDev: string;
  /** A file of the in-browser Python ("runner-1a2b3c4d/ui.js"), under PYTHON_DIR. */
  python(file: string): string;
  favicon: string;
  /** A path inside the site ("lessons/x/" or "/lessons/x/") as an address under the base. */
  page(path: string): string;
  /** The reverse of `page`: an address under the base as a path from the site's root ("/lessons/x/"), or null when it is outside. */
  sitePath(address: string): string | null;
}

export function addressBook(base: string): AddressBook {
  const home = normalizeBase(base);
  const page = (path: string) => `${home}${path.replace(/^\/+/, "")}`;
  return {
    home,
    lesson: (id) => page(`lessons/${id}/`),
    keywords: page("keywords/"),
    keyword: (slug) => page(`keywords/${slug}/`),
    path: page("path/"),
    source: (source) => page(`${SOURCES_DIR}/${encodeURIComponent(sourceFileName(source))}`),
    search: (params) => {
      const query = params?.toString() ?? "";
      return page(query ? `search/?${query}` : "search/");
    },
    pagefind: page(`${PAGEFIND_DIR}/pagefind.js`),
    searchUi: page(SEARCH_UI_FILE),
    searchUiDev: page(SEARCH_UI_ENTRY),
    python: (file) => page(`${PYTHON_DIR}/${file}`),
    favicon: page("favicon.svg"),
    page,
    sitePath: (address) => {
      if (address === home.slice(0, -1)) return "/";
      return address.startsWith(home) ? `/${address.slice(home.length)}` : null;
    },
  };
}
