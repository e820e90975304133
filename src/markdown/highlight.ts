/**
 * Shiki highlighting of code listings, as a Sätteri hast plugin of the
 * project's pipeline instead of Astro's built-in `markdown.syntaxHighlight`.
 * The highlighter and its output are Astro's own (the functions
 * @astrojs/markdown-satteri exports), so the HTML is the same; what changes is
 * that Astro no longer warns on every build that Shiki's style attributes need
 * a CSP exception: the site's policy grants exactly that (style-src-attr, see
 * src/security/csp.ts) and the browser tests check it (tests/e2e/csp.spec.ts).
 */
import { satteriCreateHighlightFn, satteriHighlightPlugin } from "@astrojs/markdown-satteri";
import type { AstroUserConfig } from "astro";
import type { HastPluginDefinition } from "satteri";

type ShikiConfig = NonNullable<NonNullable<AstroUserConfig["markdown"]>["shikiConfig"]>;
type Highlight = NonNullable<Awaited<ReturnType<typeof satteriCreateHighlightFn>>>;

export const SHIKI_CONFIG: ShikiConfig = {
  // Both themes are emitted as CSS variables; src/styles/global.css picks
  // one with prefers-color-scheme. The "-default" GitHub themes, unlike
  // "github-light"/"github-dark", give every token a 4.5:1 contrast (WCAG AA).
  themes: { light: "github-light-default", dark: "github-dark-default" },
  defaultColor: false,
  wrap: false,
};

/** The plugin; Shiki loads once, on the first listing of the build. */
export function shikiHighlight(config: ShikiConfig = SHIKI_CONFIG): HastPluginDefinition {
  let highlighter: Promise<Highlight> | undefined;
  const load = async (): Promise<Highlight> => {
    const highlight = await satteriCreateHighlightFn("shiki", config);
    if (highlight === undefined) throw new Error("Shiki did not load: code listings cannot be highlighted");
    return highlight;
  };
  return satteriHighlightPlugin(async (code, lang, meta) => (await (highlighter ??= load()))(code, lang, meta), []);
}
