/**
 * Builds the Pagefind search index from the finished site, after Astro has
 * written every page. Pagefind reports most failures in an `errors` array
 * instead of throwing, so every response is checked: a search index that was
 * silently not written must fail the build, not ship a site whose search says
 * "no results" for everything.
 */
import { rename, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { AstroIntegration } from "astro";
import * as pagefindNode from "pagefind";
import type { PagefindIndex, PagefindServiceConfig } from "pagefind";
import { PAGEFIND_DIR } from "../site/urls.ts";

/** The part of the `pagefind` Node API this integration uses; tests pass a fake. */
export interface PagefindApi {
  createIndex(
    config?: PagefindServiceConfig,
  ): Promise<{ errors: string[]; index?: Pick<PagefindIndex, "addDirectory" | "writeFiles"> }>;
  close(): Promise<unknown>;
}

export interface IndexResult {
  /** HTML files Pagefind read; only lesson pages (data-pagefind-body) end up in the index. */
  filesRead: number;
  outputPath: string;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n  ${errors.join("\n  ")}`);
  }
}

export async function buildSearchIndex(siteDir: string, api: PagefindApi): Promise<IndexResult> {
  try {
    const { index, errors } = await api.createIndex({
      // The copy button's label ("Copy") is page chrome, not lesson text.
      excludeSelectors: [".copy-button"],
    });
    check("create an index", errors);
    if (!index) throw new Error("Pagefind failed to create an index and reported no error.");

    const added = await index.addDirectory({ path: siteDir });
    check(`index the HTML files in ${siteDir}`, added.errors);
    // Written aside and moved into place, so the site never holds half an index.
    const outputPath = join(siteDir, PAGEFIND_DIR);
    const partialPath = `${outputPath}.partial`;
    await rm(partialPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: partialPath });
    if (written.errors.length > 0) await rm(partialPath, { recursive: true, force: true });
    check(`write the index to ${outputPath}`, written.errors);
    await rm(outputPath, { recursive: true, force: true });
    await rename(partialPath, outputPath);
    return { filesRead: added.page_count, outputPath };
  } finally {
    // The Node API runs the Pagefind binary as a child process; without this
    // the build would never exit.
    await api.close();
  }
}

export interface PagefindIntegrationOptions {
  /** The Pagefind Node API; defaults to the `pagefind` package. */
  api?: PagefindApi;
}

export function pagefind(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: "lesson-site:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        // Imported with the config, not here: a dynamic import in this hook goes
        // through Astro's config module runner, which may be closed by now.
        const api = options.api ?? pagefindNode;
        const { filesRead, outputPath } = await buildSearchIndex(fileURLToPath(dir), api);
        logger.info(`Read ${filesRead} HTML file(s); search index written to ${outputPath}`);
      },
    },
  };
}
