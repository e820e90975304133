/**
 * The importer never writes a lesson the build would reject as unsafe: what
 * MDX would run (ESM, expressions) or put into the page (HTML, javascript:
 * and data: URLs) becomes text, code or nothing, and each change is reported.
 * Its output is checked with the build's own check (src/markdown/lesson-safety.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLesson } from "../../../src/markdown/lesson-safety";
import { normalizeLesson, type NormalizedLesson } from "../../../src/normalize/index";

const SENTENCE = "This sentence is long enough to be the lesson description.";

function lesson(markdown: string | Uint8Array): NormalizedLesson {
  return normalizeLesson(markdown, { file: "test.md", source: "content/sources/test.md" });
}

const body = (markdown: string) => lesson(markdown).mdx.split("\n---\n\n")[1];

/** Compiles the MDX as the build does, with the safety plugin first; throws its error. */
async function buildCheck(mdx: string): Promise<void> {
  checkLesson(mdx, "content/lessons/imported.mdx");
}

describe("an imported hostile lesson", () => {
  const result = lesson(readFileSync("tests/fixtures/safety/hostile-raw-lesson.md"));
  const mdx = result.mdx;
  const messages = result.notes.map((note) => `${note.line ?? "-"} ${note.kind}: ${note.message}`);

  it("passes the build's lesson-safety check: nothing in it runs or reaches the page as code", async () => {
    await expect(buildCheck(mdx)).resolves.toBeUndefined();
  });

  it("fences an unfenced `import asyncio` line as Python instead of letting MDX run it, and says so", () => {
    expect(mdx).toContain("```python\nimport asyncio\n```");
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^5 warning: a paragraph starting with "import asyncio" looked like unfenced Python: fenced/,
      ),
    );
  });

  it("keeps prose that starts with `export` as text by writing its first letter as a character reference", () => {
    expect(mdx).toContain("&#101;xport your results to a CSV file, then import them into a spreadsheet.");
    expect(mdx).toContain('&#101;xport const pwned = (await import("node:fs")).writeFileSync("/tmp/pwned", "pwned")');
    expect(messages).toContainEqual(expect.stringMatching(/character reference .*\(lines 7, 9, 30, 34\)$/));
    // Any top-level block that starts a line with the word, not only paragraphs: a table's header, a heading.
    expect(mdx).toContain("&#105;mport | export\n--- | ---");
    expect(mdx).toContain("## &#101;xport this heading");
  });

  it("escapes {expressions} and tags so they are shown as text", () => {
    expect(mdx).toContain("The home folder is \\{process.env.HOME\\} and x \\< y.");
    expect(mdx).toContain("\\<script\\>alert(1)\\</script\\>");
    // An <img> becomes a Markdown image, without its handler; x.png is not beside the raw file, so it goes.
    expect(mdx).not.toContain("onerror");
    expect(messages).toContainEqual(expect.stringContaining("image x.png: no such image file beside the raw lesson"));
    expect(mdx).toContain("\\<Component /\\>");
  });

  it("unwraps javascript: links, in any case and with leading spaces, keeping their text and the safe links", () => {
    expect(mdx).toContain(
      "Click here or there or [the docs](https://docs.python.org/3/) or [write to us](mailto:team@example.test).",
    );
    expect(messages).toContainEqual(
      "17 removed: link to javascript:alert(1): only http(s), mailto and relative links are allowed (kept its text)",
    );
    expect(messages).toContainEqual(expect.stringMatching(/^17 removed: link to JaVaScRiPt:alert\(1\)/));
  });

  it("replaces data: images by their alt text and escapes a safe image's alt text", () => {
    expect(mdx).toContain("a tracking pixel and ![a \\{weird\\} \\<alt\\>](https://example.test/a.png)");
    expect(messages).toContainEqual(
      expect.stringMatching(/^19 removed: image data:image\/png;base64.*kept its alt text/),
    );
  });

  it("drops unsafe link definitions and unwraps what used them", () => {
    expect(mdx).toContain("Read the reference and see the diagram.");
    expect(mdx).not.toMatch(/vbscript|\[ref\]:|\[pic\]:|data:image\/svg/);
    expect(messages).toContainEqual(
      expect.stringMatching(/^23 removed: link definition \[ref\]: vbscript:msgbox\(1\)/),
    );
  });

  it("leaves a javascript: autolink as plain text, which GFM does not link", () => {
    expect(mdx).toMatch(/^javascript:alert\(1\)$/m);
  });
});

describe("the MDX-hazards fixture", () => {
  it("imports into a lesson that passes the build's lesson-safety check", async () => {
    const { mdx } = normalizeLesson(readFileSync("tests/fixtures/import/mdx-hazards.md"), {
      file: "mdx-hazards.md",
      source: "content/sources/mdx-hazards.md",
      knownIds: new Set(["async-await-intro"]),
    });
    await expect(buildCheck(mdx)).resolves.toBeUndefined();
  });
});

describe("indented code inside a list or quote, which MDX shows as text", () => {
  it("has its braces and angle brackets escaped, so MDX does not read them as expressions or tags", async () => {
    const text = `# Async Tasks\n\n${SENTENCE}\n\n- An item:\n\n        print({1: 2}, 1 < 2)\n        home = {process.env.HOME}\n\n> A quote:\n>\n>     x = <div>\n`;
    const result = lesson(text);
    expect(result.mdx).toContain("        print(\\{1: 2\\}, 1 \\< 2)\n        home = \\{process.env.HOME\\}");
    expect(result.mdx).toContain(">     x = \\<div\\>");
    expect(result.notes).toContainEqual(
      expect.objectContaining({
        kind: "warning",
        message: expect.stringContaining("indented code inside a list"),
        line: 7,
      }),
    );
    await expect(buildCheck(result.mdx)).resolves.toBeUndefined();
  });
});

describe("import and export lines", () => {
  it("stay as they are inside code, lists, quotes and indented lines, where MDX does not read them as ESM", async () => {
    const text = `# Async Tasks\n\n${SENTENCE}\n\n- import x\n\n> export y\n\n   import z\n\nimportant: not a keyword\n`;
    expect(body(text)).toBe(`${SENTENCE}\n\n- import x\n\n> export y\n\n   import z\n\nimportant: not a keyword\n`);
    await expect(buildCheck(lesson(text).mdx)).resolves.toBeUndefined();
  });

  it("are fenced as Python with the rest of their paragraph when Python-like", () => {
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\nimport asyncio\nimport time\n`)).toContain(
      "```python\nimport asyncio\nimport time\n```",
    );
  });

  it("without the importer's change, MDX would read them as ESM and the build would refuse the lesson", async () => {
    // Sätteri reads even `export your data` as ESM (micromark failed to parse it): the safety check names it.
    await expect(buildCheck(`${SENTENCE}\n\nexport your data\n`)).rejects.toThrow(
      /content\/lessons\/imported\.mdx:3:1: a line starting with "export "/,
    );
    await expect(buildCheck(`${SENTENCE}\n\nexport const a = 1\n`)).rejects.toThrow(
      /content\/lessons\/imported\.mdx:3:1: a line starting with "export "/,
    );
  });
});
