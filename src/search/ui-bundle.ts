/**
 * Bundles the search UI (src/search/) into one file of the built site. Astro
 * would bundle a component's <script> too, but it links that file from every
 * page; search code must load only when the reader reaches for search, from
 * an address the small inline loader knows in advance.
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { AstroIntegration } from "astro";
import { build, type BuildOptions } from "esbuild";
import { SEARCH_UI_ENTRY, SEARCH_UI_FILE } from "../site/urls.ts";

/** How the site bundles code for the browser (the search UI here, the Python runner in src/integrations/python-runner.ts). */
export const BROWSER_BUNDLE = {
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
} as const satisfies BuildOptions;

/** `base` is Astro's `base`: the bundle builds its addresses (Pagefind, the search page) from it. */
export async function bundleSearchUi(root: string, outDir: string, base: string): Promise<string> {
  const outfile = join(outDir, SEARCH_UI_FILE);
  // esbuild throws on any error, which fails the Astro build.
  await build({
    entryPoints: [join(root, SEARCH_UI_ENTRY)],
    outfile,
    ...BROWSER_BUNDLE,
    // The source says which message to show when the index is missing; a built site is never in dev mode.
    // The base is what Vite would put there under `astro dev`.
    define: { "import.meta.env.DEV": "false", "import.meta.env.BASE_URL": JSON.stringify(base) },
  });
  return outfile;
}

export function searchUi(): AstroIntegration {
  let root = process.cwd();
  let base = "/";
  return {
    name: "lesson-site:search-ui",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outfile = await bundleSearchUi(root, fileURLToPath(dir), base);
        logger.info(`Search UI bundled into ${outfile}`);
      },
    },
  };
}
