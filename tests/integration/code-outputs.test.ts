/**
 * Output panels, skip notes and fence errors in a real Astro build of a
 * throwaway site.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

const body = `Intro paragraph.

\`\`\`python
print("<b>not markup</b>")
\`\`\`

\`\`\`output
<b>not markup</b>
\`\`\`

\`\`\`python skip="waits for a key press"
input()
\`\`\`

\`\`\`python raises="ValueError: bad input"
raise ValueError("bad input")
\`\`\`

\`\`\`python network
print("fetched")
\`\`\`

\`\`\`output
fetched
\`\`\`

\`\`\`python
x = 1
\`\`\`
`;

describe("code block outputs on the page", () => {
  let build: FixtureBuild;
  let html: string;
  afterAll(() => build.cleanup());

  it("builds", () => {
    build = buildFixtureSite({ "a-valid-lesson.mdx": lessonFile(validFrontmatter(), body) });
    expect(build.status, build.output).toBe(0);
    html = readFileSync(join(build.root, "dist/lessons/a-valid-lesson/index.html"), "utf8");
  });

  it("renders each output block as a labelled Output figure right under its code, kept out of search", () => {
    const panels = html.match(/<figure class="code-output"[\s\S]*?<\/figure>/g) ?? [];
    expect(panels).toHaveLength(3);
    expect(panels[0]).toBe(
      '<figure class="code-output" data-pagefind-ignore><figcaption>Output</figcaption>' +
        '<pre class="code-output-text" tabindex="0"><samp>&lt;b&gt;not markup&lt;/b&gt;</samp></pre></figure>',
    );
    // Under its own code block, whose copy button (and, for a block the browser can run, its hidden Run controls)
    // is still there.
    expect(html).toMatch(
      /print[\s\S]*?<\/pre><button[^>]*class="copy-button"[^>]*>Copy<\/button><div class="code-run" hidden data-pagefind-ignore>(?:(?!<\/div>)[\s\S])*<\/div><\/div>\s*<figure class="code-output"/,
    );
    // Output panels get no copy button, and are never highlighted as code.
    expect(html.match(/class="copy-button"/g)).toHaveLength(5);
    expect(html).not.toMatch(/data-language="output"/);
  });

  it("shows the exception a block must raise, the reason a block is skipped, and where network output comes from", () => {
    expect(html).toContain('<p class="code-skipped"><strong>Not run by the tests:</strong> waits for a key press</p>');
    expect(html).toContain("<samp>Traceback (most recent call last):\n  ...\nValueError: bad input</samp>");
    expect(html).toContain(
      '<figcaption>Output <span class="code-output-note">(from a local test server standing in for the web)</span></figcaption>',
    );
  });

  it("offers Run on the blocks the browser can run, and says why not on the network block", () => {
    expect(html.match(/<div class="code-block" data-run-block="\d+"/g)).toHaveLength(3);
    expect(html).toContain(
      '<p class="code-run-note" data-pagefind-ignore><strong>Runs on your machine only:</strong> this example talks to the network.</p>',
    );
    // The code listings' script, with the address of the runner it loads on the first click.
    expect(html).toMatch(/<script data-run-module="\/python\/runner-[0-9a-f]+\/ui\.js">/);
  });

  it("keeps the HTML valid: no figure inside a paragraph, no block inside code", () => {
    expect(html).not.toMatch(/<p[ >](?:(?!<\/p>)[\s\S])*<figure/);
    expect(html).not.toMatch(/<code[ >](?:(?!<\/code>)[\s\S])*<(div|figure|p)[ >]/);
  });
});

describe("a bad fence", () => {
  it("fails the build with the file, the line and the known settings", () => {
    const build = buildFixtureSite({
      "a-valid-lesson.mdx": lessonFile(validFrontmatter(), 'Text.\n\n```python skipp="why"\nx = 1\n```\n'),
    });
    try {
      expect(build.status).not.toBe(0);
      expect(build.output).toContain('unknown code block setting "skipp"');
      expect(build.output).toContain("Known settings: continue");
      // The fence is on line 13: after 9 lines of frontmatter, a blank line and the first paragraph.
      expect(build.output).toContain("content/lessons/a-valid-lesson.mdx:13:1");
    } finally {
      build.cleanup();
    }
  });
});
