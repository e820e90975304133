/**
 * Writes dist/sitemap.xml listing every built page except the error pages.
 *
 * @astrojs/sitemap would do this too, but always as sitemap-index.xml plus
 * sitemap-0.xml; a course this size wants the one conventional sitemap.xml.
 * The XML itself comes from the `sitemap` library that integration uses.
 *
 * A sitemap needs absolute URLs, so it needs the public address (`site`,
 * from SITE_URL). Without one the sitemap is left out, with a note in the
 * build log, rather than written with a guessed address such as localhost.
 */
import { writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { AstroIntegration } from "astro";
import { SitemapStream, streamToPromise } from "sitemap";
import { addressBook } from "../site/urls.ts";

/** Pages a search engine should not list. */
const ERROR_PAGE = /^\/?(404|500)(\/|\.html)?$/;

/** Addresses of the pages to list, under `base`, from Astro's page pathnames ("" is the home page). */
export function sitemapPaths(pathnames: readonly string[], base = "/"): string[] {
  const urls = addressBook(base);
  return pathnames
    .filter((pathname) => !ERROR_PAGE.test(pathname))
    .map((pathname) => urls.page(pathname))
    .sort();
}

/** The note in the build log when there is no public address. */
export const NO_SITE_NOTE =
  "sitemap.xml and canonical URLs left out: set SITE_URL to the public address (e.g. SITE_URL=https://lessons.example.org) to write them.";

export default function sitemap(): AstroIntegration {
  let site: URL | undefined;
  let base = "/";
  return {
    name: "lesson-site-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
      "astro:build:done": async ({ pages, dir, logger }) => {
        if (!site) {
          logger.warn(NO_SITE_NOTE);
          return;
        }
        const links = sitemapPaths(
          pages.map((page) => page.pathname),
          base,
        ).map((url) => ({ url }));
        const stream = new SitemapStream({
          hostname: site.origin,
          xmlns: { news: false, xhtml: false, image: false, video: false },
        });
        const xml = await streamToPromise(Readable.from(links).pipe(stream));
        await writeFile(new URL("sitemap.xml", dir), xml);
        logger.info(`sitemap.xml lists ${links.length} pages`);
      },
    },
  };
}
