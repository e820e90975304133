/**
 * The search UI, loaded on demand by src/scripts/search-loader.js: in the
 * built site as one bundled file (src/integrations/search-ui.ts), under
 * `astro dev` straight from this source.
 */
export { attachHeaderSearch } from "./header";
export { startSearchPage } from "./page";
