/**
 * The phase split of one `astro build`, read from what Astro 7 prints:
 *
 *   [types] Generated 1.52s                 content sync (content layer and types)
 *   [build] ✓ Completed in 1.68s.           collecting build info (the sync included)
 *   [vite] ✓ built in 2.87s                 bundling, once per Vite environment
 *    generating static routes / ✓ Completed in 300ms.   page generation
 *   [build] ✓ Completed in 3.36s.           the static build (bundling and pages)
 *   [build] 23 page(s) built in 5.67s       the whole build
 *
 * Whatever follows the static build (the integrations' build:done hooks:
 * Pagefind, and for our site the sitemap and the search UI bundle) is the total
 * less the two "Completed" steps. Both sites print the same lines, so their
 * phases compare.
 */

export interface BuildPhases {
  /** Content layer sync and type generation. */
  contentSync: number;
  /** Vite/Rolldown bundling, all environments added up (this is where MDX is compiled). */
  bundling: number;
  /** Rendering the pages to HTML. */
  pageGeneration: number;
  /** After the static build: Pagefind and the other build:done hooks. */
  afterBuild: number;
  /** Astro's own figure for the whole build. */
  total: number;
  pages: number;
}

/** Removes colour codes. */
// eslint-disable-next-line no-control-regex
const plain = (log: string) => log.replace(/\u001b\[[0-9;]*m/g, "");

/** "300ms", "2.87s", "1m 5s" (Astro's and Vite's formats) in seconds. */
export function parseDuration(text: string): number {
  const match = /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`Not a build duration: "${text}".`);
  const [, minutes, value, unit] = match;
  return Number(minutes ?? 0) * 60 + Number(value) / (unit === "ms" ? 1000 : 1);
}

const DURATION = String.raw`((?:\d+m\s*)?\d+(?:\.\d+)?(?:ms|s))`;

/** The phases of a build log; throws naming the line it could not find, so a change in Astro's output is noticed. */
export function parsePhases(log: string): BuildPhases {
  const text = plain(log);
  const find = (pattern: RegExp, what: string) => {
    const match = pattern.exec(text);
    if (!match) throw new Error(`The build log has no ${what} line (${pattern}); has Astro's output changed?`);
    return match;
  };
  const contentSync = parseDuration(
    find(new RegExp(String.raw`\[types\] Generated ${DURATION}`), "type generation")[1]!,
  );
  const bundling = [...text.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, "g"))]
    .map((match) => parseDuration(match[1]!))
    .reduce((sum, value) => sum + value, 0);
  const pageGeneration = parseDuration(
    find(
      new RegExp(String.raw`generating static routes[\s\S]*?\n[^\n[]*✓ Completed in ${DURATION}\.`),
      "page generation",
    )[1]!,
  );
  const completed = [...text.matchAll(new RegExp(String.raw`\[build\] ✓ Completed in ${DURATION}\.`, "g"))].map(
    (match) => parseDuration(match[1]!),
  );
  if (completed.length < 2) throw new Error("The build log lacks Astro's two '[build] ✓ Completed in' lines.");
  const [, pages, total] = find(new RegExp(String.raw`\[build\] (\d+) page\(s\) built in ${DURATION}`), "pages built");
  const totalSeconds = parseDuration(total!);
  return {
    contentSync,
    bundling,
    pageGeneration,
    afterBuild: Math.max(0, totalSeconds - completed[0]! - completed[1]!),
    total: totalSeconds,
    pages: Number(pages),
  };
}

/** How long Astro took to render one page (its "├─ /path/index.html (+175ms)" line), in seconds; undefined if absent. */
export function pageRenderSeconds(log: string, page: string): number | undefined {
  const escaped = page.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(String.raw`[├└]─ ${escaped} \(\+${DURATION}\)`).exec(plain(log));
  return match ? parseDuration(match[1]!) : undefined;
}
