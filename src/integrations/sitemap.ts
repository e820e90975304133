/**
 * Writes dist/sitemap.xml listing every built page except the error pages.
 *
 * @astrojs/sitemap would do this too, but always as sitemap-index.xml plus
 * sitemap-0.xml; a course this size wants the one conventional sitemap.xml.
 * The XML itself comes from the `sitemap` library that integration uses.
 */
import { writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { AstroIntegration } from "astro";
import { SitemapStream, streamToPromise } from "sitemap";

/** Pages a search engine should not list. */
const ERROR_PAGE = /^\/?(404|500)(\/|\.html)?$/;

/** Site-relative URLs of the pages to list, from Astro's page pathnames ("" is the home page). */
export function sitemapPaths(pathnames: readonly string[]): string[] {
  return pathnames
    .filter((pathname) => !ERROR_PAGE.test(pathname))
    .map((pathname) => `/${pathname.replace(/^\//, "")}`)
    .sort();
}

export default function sitemap(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: "lesson-site-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      "astro:build:done": async ({ pages, dir, logger }) => {
        if (!site) throw new Error("sitemap.xml needs absolute URLs: set `site` in astro.config.mjs (or SITE_URL).");
        const links = sitemapPaths(pages.map((page) => page.pathname)).map((url) => ({ url }));
        const stream = new SitemapStream({
          hostname: site.href,
          xmlns: { news: false, xhtml: false, image: false, video: false },
        });
        const xml = await streamToPromise(Readable.from(links).pipe(stream));
        await writeFile(new URL("sitemap.xml", dir), xml);
        logger.info(`sitemap.xml lists ${links.length} pages`);
      },
    },
  };
}
