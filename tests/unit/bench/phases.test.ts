import { describe, expect, it } from "vitest";
import { pageRenderSeconds, parseDuration, parsePhases } from "../../../src/bench/phases";

/** Lines as Astro 7.3 prints them (colour codes included), trimmed of the per-page lines. */
const LOG = [
  "10:31:27 [content] Syncing content",
  "10:31:27 [content] Synced content",
  "10:31:27 [types] Generated 1.52s",
  '10:31:27 [build] output: "static"',
  "10:31:27 [build] Collecting build info...",
  "10:31:27 [build] ✓ Completed in 1.68s.",
  "10:31:27 [build] Building static entrypoints...",
  "10:31:30 \u001b[2m[vite]\u001b[22m \u001b[32m✓ built in 2.87s\u001b[39m",
  "10:31:30 [vite] ✓ built in 55ms",
  "10:31:30 [build] Rearranging server assets...",
  "",
  "\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m",
  "10:31:30   ├─ /lessons/a/index.html (+12ms)",
  "10:31:30   \u001b[34m├─\u001b[39m \u001b[2m/path/index.html\u001b[22m (+1.25s) ",
  "10:31:30 ✓ Completed in 300ms.",
  "",
  "10:31:30 [build] ✓ Completed in 3.36s.",
  "10:31:31 [lesson-site:pagefind] Read 23 HTML file(s); search index written",
  "10:31:31 [build] 23 page(s) built in 5.67s",
  "10:31:31 [build] Complete!",
].join("\n");

describe("parseDuration", () => {
  it("reads Astro's and Vite's formats", () => {
    expect(parseDuration("300ms")).toBeCloseTo(0.3);
    expect(parseDuration("2.87s")).toBeCloseTo(2.87);
    expect(parseDuration("1m 5s")).toBeCloseTo(65);
    expect(() => parseDuration("soon")).toThrow('Not a build duration: "soon".');
  });
});

describe("parsePhases", () => {
  it("splits a build into content sync, bundling, page generation and what runs after", () => {
    const phases = parsePhases(LOG);
    expect(phases.contentSync).toBeCloseTo(1.52);
    expect(phases.bundling).toBeCloseTo(2.87 + 0.055);
    expect(phases.pageGeneration).toBeCloseTo(0.3);
    expect(phases.afterBuild).toBeCloseTo(5.67 - 1.68 - 3.36);
    expect(phases.total).toBeCloseTo(5.67);
    expect(phases.pages).toBe(23);
  });

  it("says which line is missing when Astro's output changes", () => {
    expect(() => parsePhases(LOG.replace("[types] Generated 1.52s", ""))).toThrow(/no type generation line/);
    expect(() => parsePhases(LOG.replace("10:31:30 ✓ Completed in 300ms.", ""))).toThrow(/no page generation line/);
    expect(() => parsePhases(LOG.replace("23 page(s) built in 5.67s", ""))).toThrow(/no pages built line/);
  });
});

describe("pageRenderSeconds", () => {
  it("reads one page's render time from its line, or says it is not there", () => {
    expect(pageRenderSeconds(LOG, "/path/index.html")).toBeCloseTo(1.25);
    expect(pageRenderSeconds(LOG, "/lessons/a/index.html")).toBeCloseTo(0.012);
    expect(pageRenderSeconds(LOG, "/lessons/b/index.html")).toBeUndefined();
  });
});
