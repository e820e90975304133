/**
 * The build-time Run markup (src/markdown/code-runs.ts): which Python listings
 * get hidden Run / Edit controls, which get a note saying why they run on the
 * reader's machine only, and how `continue` chains are marked. Compiled by
 * Sätteri with the build's own plugins (output panels, Shiki, wrappers).
 */
import { markdownToHtml } from "satteri";
import { describe, expect, it } from "vitest";
import { codeBlocks } from "../../../src/markdown/code-blocks";
import { codeOutputs } from "../../../src/markdown/code-outputs";
import { MDX_FEATURES } from "../../../src/markdown/features";
import { shikiHighlight } from "../../../src/markdown/highlight";

async function render(markdown: string): Promise<string> {
  const result = await markdownToHtml(markdown, {
    features: MDX_FEATURES,
    mdastPlugins: [codeOutputs],
    hastPlugins: [shikiHighlight(), codeBlocks],
  });
  return result.html;
}

const fence = (meta: string, code: string) => `\`\`\`python${meta ? ` ${meta}` : ""}\n${code}\n\`\`\`\n\n`;

/** The opening tag of each .code-block wrapper, in order. */
const wrappers = (html: string) => html.match(/<div class="code-block"[^>]*>/g) ?? [];

describe("Run controls at build time", () => {
  it("marks a runnable block with its place and clock, and hides its controls until the script reveals them", async () => {
    const html = await render(fence("", 'print("hi")') + fence("realtime", "import time\ntime.sleep(0.1)"));
    expect(wrappers(html)).toEqual([
      '<div class="code-block" data-run-block="1" data-run-clock="virtual">',
      '<div class="code-block" data-run-block="2" data-run-clock="real">',
    ]);
    const controls = html.match(/<div class="code-run"[\s\S]*?<\/div>/g) ?? [];
    expect(controls).toHaveLength(2);
    for (const group of controls) {
      // Hidden until the script reveals it, and kept out of the search index.
      expect(group).toMatch(/^<div class="code-run" hidden data-pagefind-ignore(="")?>/);
      expect(group).toMatch(/<button type="button" class="run-button" data-run-action="run">Run<\/button>/);
      expect(group).toMatch(/data-run-action="stop" hidden>Stop</);
      expect(group).toMatch(/data-run-action="edit">Edit</);
      expect(group).toMatch(/data-run-action="reset" hidden>Reset</);
      expect(group).toMatch(/<span class="code-run-status" role="status"><\/span>/);
    }
    // The real-time choice is offered where the virtual clock is the default, and stated where it is not.
    expect(controls[0]).toContain('<input type="checkbox" data-run-realtime> Play in real time</label>');
    expect(controls[1]).toContain('<span class="run-realtime">Plays in real time</span>');
  });

  it("shows why a block runs on the reader's machine only, with no controls", async () => {
    const html = await render(fence("network", "import aiohttp\nprint(1)"));
    expect(wrappers(html)).toEqual(['<div class="code-block">']);
    expect(html).not.toContain('code-run"');
    expect(html).toMatch(
      /<p class="code-run-note" data-pagefind-ignore(="")?><strong>Runs on your machine only:<\/strong> this example needs aiohttp and talks to the network\.<\/p>/,
    );
  });

  it("says nothing more for a skipped block than its skip note", async () => {
    const html = await render(fence('skip="waits for input"', "input()"));
    expect(html).toContain("Not run by the tests:");
    expect(html).not.toContain("code-run");
    expect(wrappers(html)).toEqual(['<div class="code-block">']);
  });

  it("marks a continue block with the first block of its chain", async () => {
    const html = await render(
      fence("", "x = 1") + fence("", "y = 2") + fence("continue", "y += 1") + fence("continue", "print(x, y)"),
    );
    expect(wrappers(html)).toEqual([
      '<div class="code-block" data-run-block="1" data-run-clock="virtual">',
      '<div class="code-block" data-run-block="2" data-run-clock="virtual">',
      '<div class="code-block" data-run-block="3" data-run-clock="virtual" data-run-chain="2">',
      '<div class="code-block" data-run-block="4" data-run-clock="virtual" data-run-chain="2">',
    ]);
  });

  it("does not offer Run on a block that continues one the browser cannot run", async () => {
    const html = await render(fence("network", "print(1)") + fence("continue", "print(2)"));
    expect(wrappers(html)).toEqual(['<div class="code-block">', '<div class="code-block">']);
    expect(html).toContain(
      "<strong>Runs on your machine only:</strong> this example continues an example that talks to the network.",
    );
  });

  it("runs a continue block on the real clock when an earlier block of its chain needs it", async () => {
    const html = await render(fence("realtime", "import time") + fence("continue", "time.sleep(0.1)"));
    expect(wrappers(html)).toEqual([
      '<div class="code-block" data-run-block="1" data-run-clock="real">',
      '<div class="code-block" data-run-block="2" data-run-clock="real" data-run-chain="1">',
    ]);
  });

  it("gives other languages only the copy button", async () => {
    const html = await render("```sh\nnpm test\n```\n\n" + fence("", "print(1)"));
    expect(wrappers(html)).toEqual([
      '<div class="code-block">',
      '<div class="code-block" data-run-block="1" data-run-clock="virtual">',
    ]);
  });
});
