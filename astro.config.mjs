// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { codeBlocks } from "./src/markdown/code-blocks.ts";
import { codeOutputs } from "./src/markdown/code-outputs.ts";
import { MDX_FEATURES } from "./src/markdown/features.ts";
import { shikiHighlight } from "./src/markdown/highlight.ts";
import { lessonSafety } from "./src/markdown/lesson-safety.ts";
import sitemap from "./src/integrations/sitemap.ts";
import { pagefind } from "./src/search/pagefind-index.ts";
import { searchUi } from "./src/search/ui-bundle.ts";
import { publicFiles } from "./src/integrations/public-files.ts";
import { sourceFiles } from "./src/integrations/source-files.ts";
import { lessonRenderCache } from "./src/integrations/lesson-render-cache.ts";
import { quietBuild } from "./src/integrations/quiet-build.ts";
import { pythonRunner } from "./src/integrations/python-runner.ts";
import { contentSecurityPolicy } from "./src/security/csp.ts";

export default defineConfig({
  // The public address, for canonical URLs and sitemap.xml; without it both are left out (README, Deploying).
  site: process.env.SITE_URL || undefined,
  // The folder the site is served from, e.g. "/course/" for a GitHub Pages project site.
  base: process.env.BASE_PATH || "/",
  trailingSlash: "always",
  // lessonRenderCache: a lesson compiled by an earlier build with the same code is reused (README, Incremental builds).
  integrations: [
    publicFiles(),
    sourceFiles(),
    lessonRenderCache(),
    mdx(),
    quietBuild(),
    sitemap(),
    pagefind(),
    searchUi(),
    // The in-browser Python: Pyodide, self-hosted, and the runner the Run buttons load (README, Run the examples).
    pythonRunner(),
  ],
  security: { csp: contentSecurityPolicy() },
  experimental: {
    // A page whose getStaticPaths() cacheKey and code are unchanged is copied from the last build, not rendered
    // again (lesson and keyword pages; keys in src/lessons/page-keys.ts; README, Incremental builds).
    incrementalBuild: true,
  },
  markdown: {
    // Sätteri, the Rust processor: it compiles the .mdx lessons too (@astrojs/mdx delegates to it).
    // lessonSafety first: lessons are untrusted content, checked before anything else reads them
    // (it lets through MDX comments, {/* ... */}, which editors' notes and the importer use, and nothing else in braces).
    // Shiki runs as the first hast plugin (src/markdown/highlight.ts), so Astro's own is off.
    syntaxHighlight: false,
    processor: satteri({
      features: MDX_FEATURES,
      mdastPlugins: [lessonSafety, codeOutputs],
      hastPlugins: [shikiHighlight(), codeBlocks],
    }),
  },
});
