/**
 * The search UI, loaded on demand by src/search/loader.js: in the
 * built site as one bundled file (src/search/ui-bundle.ts), under
 * `astro dev` straight from this source.
 */
export { attachHeaderSearch } from "./header";
export { startSearchPage } from "./page";
