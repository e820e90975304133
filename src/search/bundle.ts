/** Where the search UI lives, shared by the build step that writes it and the pages that load it. */

/** The entry module, relative to the project root. */
export const SEARCH_UI_ENTRY = "src/search/ui.ts";

/** Its address in the built site (written by src/integrations/search-ui.ts). */
export const SEARCH_UI_URL = "/search-ui.js";

/** Its address under `astro dev`, where Vite compiles the source on request. */
export const SEARCH_UI_DEV_URL = `/${SEARCH_UI_ENTRY}`;
