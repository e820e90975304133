// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { codeBlocks } from "./src/markdown/code-blocks.ts";
import { codeOutputs } from "./src/markdown/code-outputs.ts";
import { MDX_FEATURES } from "./src/markdown/features.ts";
import { lessonSafety } from "./src/markdown/lesson-safety.ts";
import sitemap from "./src/integrations/sitemap.ts";
import { pagefind } from "./src/search/pagefind-index.ts";
import { searchUi } from "./src/search/ui-bundle.ts";
import { publicFiles } from "./src/integrations/public-files.ts";
import { contentSecurityPolicy } from "./src/security/csp.ts";

export default defineConfig({
  // The public address, for canonical URLs and sitemap.xml; without it both are left out (README, Deploying).
  site: process.env.SITE_URL || undefined,
  // The folder the site is served from, e.g. "/course/" for a GitHub Pages project site.
  base: process.env.BASE_PATH || "/",
  trailingSlash: "always",
  integrations: [publicFiles(), mdx(), sitemap(), pagefind(), searchUi()],
  security: { csp: contentSecurityPolicy() },
  markdown: {
    // Sätteri, the Rust processor: it compiles the .mdx lessons too (@astrojs/mdx delegates to it).
    // lessonSafety first: lessons are untrusted content, checked before anything else reads them.
    processor: satteri({
      features: MDX_FEATURES,
      mdastPlugins: [lessonSafety, codeOutputs],
      hastPlugins: [codeBlocks],
    }),
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks
      // one with prefers-color-scheme. The "-default" GitHub themes, unlike
      // "github-light"/"github-dark", give every token a 4.5:1 contrast (WCAG AA).
      themes: { light: "github-light-default", dark: "github-dark-default" },
      defaultColor: false,
      wrap: false,
    },
  },
});
