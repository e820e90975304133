// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import { rehypeCodeBlocks } from "./src/markdown/rehype-code-blocks.ts";
import { remarkCodeOutputs } from "./src/markdown/remark-code-outputs.ts";
import { remarkLessonSafety } from "./src/markdown/remark-lesson-safety.ts";
import { remarkMdxComments } from "./src/markdown/remark-mdx-comments.ts";
import sitemap from "./src/integrations/sitemap.ts";
import { pagefind } from "./src/search/pagefind-index.ts";
import { searchUi } from "./src/search/ui-bundle.ts";
import { publicFiles } from "./src/integrations/public-files.ts";
import { sourceFiles } from "./src/integrations/source-files.ts";
import { lessonRenderCache } from "./src/integrations/lesson-render-cache.ts";
import { contentSecurityPolicy } from "./src/security/csp.ts";

export default defineConfig({
  // The public address, for canonical URLs and sitemap.xml; without it both are left out (README, Deploying).
  site: process.env.SITE_URL || undefined,
  // The folder the site is served from, e.g. "/course/" for a GitHub Pages project site.
  base: process.env.BASE_PATH || "/",
  trailingSlash: "always",
  // lessonRenderCache: a lesson compiled by an earlier build with the same code is reused (README, Incremental builds).
  integrations: [publicFiles(), sourceFiles(), lessonRenderCache(), mdx(), sitemap(), pagefind(), searchUi()],
  security: { csp: contentSecurityPolicy() },
  markdown: {
    // remarkLessonSafety first: lessons are untrusted content, checked before anything else reads them
    // (after remarkMdxComments, which only removes `{/* comments */}`, so editors' notes pass the check).
    processor: unified({
      remarkPlugins: [remarkMdxComments, remarkLessonSafety, remarkCodeOutputs],
      rehypePlugins: [rehypeCodeBlocks],
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
