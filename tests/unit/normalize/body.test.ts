/** Body transformations, on the MDX-hazards fixture and small inline lessons. */
import { readFileSync } from "node:fs";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { normalizeLesson, type NormalizedLesson } from "../../../src/normalize/index";

const SENTENCE = "This sentence is long enough to be the lesson description.";

function lesson(markdown: string | Uint8Array, knownIds: string[] = []): NormalizedLesson {
  return normalizeLesson(markdown, { file: "test.md", source: "content/sources/test.md", knownIds: new Set(knownIds) });
}

/** The MDX after the frontmatter. */
const body = (markdown: string, knownIds: string[] = []) => lesson(markdown, knownIds).mdx.split("\n---\n\n")[1];

describe("the MDX-hazards fixture", () => {
  const result = lesson(readFileSync("tests/fixtures/import/mdx-hazards.md"), ["async-await-intro"]);
  const mdx = result.mdx;

  it("compiles as MDX with nothing read as JSX or an expression but the HTML comment, now an MDX comment", async () => {
    await expect(compile(mdx, { remarkPlugins: [remarkGfm, remarkFrontmatter] })).resolves.toBeDefined();
    const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter).parse(mdx);
    const mdxNodes: string[] = [];
    visit(tree, (node) => {
      if (node.type.startsWith("mdx")) mdxNodes.push(`${node.type} ${"value" in node ? node.value : ""}`);
    });
    expect(mdxNodes).toEqual(["mdxFlowExpression /* note to self: shorten this */"]);
  });

  it("escapes braces and angle brackets in prose but not in code", () => {
    expect(mdx).toContain("such as \\{key: value\\} is handy when x \\< y and y \\> z, and `{inline}` code");
    expect(mdx).toContain('    return {"answer": 42}');
    expect(mdx).toContain("> A quote with \\{braces\\}\n> continues with \\> an arrow.");
    expect(mdx).toContain('\\<div class="note"\\>raw html\\</div\\>');
  });

  it("tags untagged fences by content and fences indented code", () => {
    expect(mdx).toContain("```python\nimport asyncio");
    expect(mdx).toContain("```text\nTask A starting");
    expect(mdx).toContain('```python\nprint("indented code")\n```');
  });

  it("removes the setext title, the HTML comment and the heading colon", () => {
    expect(mdx).not.toContain("Working With Dicts And Tasks\n===");
    expect(mdx).not.toContain("<!--");
    expect(mdx).toContain("## Setup\n");
  });

  it("unwraps dead links, rewrites links to known lessons and drops the navigation line", () => {
    expect(mdx).toContain("Read the previous lesson, the [intro](../async-await-intro/) or the table of contents.");
    expect(mdx).not.toContain("[toc]:");
    expect(mdx).not.toMatch(/Back to TOC|🔗|ðŸ/);
  });

  it("turns the autolink into a bare URL and drops other courses' lesson references", () => {
    expect(mdx).toContain("See https://docs.python.org/3/tutorial/datastructures.html for more.");
    expect(mdx).toContain("We build on this and revisit it later.");
    expect(mdx).not.toMatch(/Welcome|Lesson \d|Chapter/);
  });

  it("reports every repair", () => {
    const messages = result.notes.map((note) => note.message).join("\n");
    expect(messages).toContain('mojibake "ðŸ”—" -> "🔗"');
    expect(messages).toContain('"in Lesson 4": that lesson is not on this site');
    expect(messages).toContain("dead link to ./lesson-02.md: removed the link and kept its text");
    expect(messages).toContain("tagged untagged code fences as text (line 17)");
  });
});

describe("body edits keep everything else byte for byte", () => {
  it("changes nothing but what it must", () => {
    const source = `# Title\n\n${SENTENCE}\n\n*   A   loose   *list*   item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
    expect(body(source)).toBe(`${SENTENCE}\n\n*   A   loose   *list*   item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`);
  });

  it("keeps characters the author already escaped", () => {
    expect(body(`# Async Tasks\n\n${SENTENCE} Use \\{ and \\< literally.\n`)).toContain("Use \\{ and \\< literally.");
  });

  it("leaves links to other sites and anchors alone", () => {
    const text = "See [docs](https://docs.python.org/3/) and [below](#usage).";
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\n${text}\n`)).toContain(text);
  });

  it("keeps a link to a lesson on the site in its canonical form, relative so it works under any base path", () => {
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\nSee [intro](/lessons/intro).\n`, ["intro"])).toContain(
      "See [intro](../intro/).",
    );
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\nSee [intro](../intro/#setup).\n`, ["intro"])).toContain(
      "See [intro](../intro/#setup).",
    );
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\nSee [intro](/lessons/intro).\n`)).toContain("See intro.");
  });

  it("drops a list item that is only a dead link but keeps the rest of the list", () => {
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\n- [Back](../index.md)\n- Kept item\n`)).toBe(
      `${SENTENCE}\n\n- Kept item\n`,
    );
  });

  it("promotes headings so the body starts at H2", () => {
    expect(body(`# Async Tasks\n\n${SENTENCE}\n\n### Deep\n\n#### Deeper:\n`)).toBe(
      `${SENTENCE}\n\n## Deep\n\n### Deeper\n`,
    );
  });

  it("reports a foreign lesson mention it cannot drop safely", () => {
    const result = lesson(`# Async Tasks\n\n${SENTENCE} Lesson 7 covers threads.\n`);
    expect(result.mdx).toContain("Lesson 7 covers threads.");
    expect(result.notes).toContainEqual({ kind: "warning", message: expect.stringContaining('"Lesson 7"'), line: 3 });
  });

  it("removes a heading that repeats the frontmatter title, and only that", () => {
    expect(body(`---\ntitle: Async Tasks\n---\n\n# Async Tasks\n\n${SENTENCE}\n`)).toBe(`${SENTENCE}\n`);
    expect(body(`---\ntitle: Async Tasks\n---\n\n# Overview\n\n${SENTENCE}\n`)).toBe(`## Overview\n\n${SENTENCE}\n`);
  });
});
