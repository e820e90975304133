/** The importer over the four raw sources in content/sources. */
import { readFileSync } from "node:fs";
import { compile } from "@mdx-js/mdx";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { lessonSchema } from "../../../src/lessons/schema";
import { normalizeLesson } from "../../../src/normalize/index";

const SOURCES = [
  "content/sources/async-await-advanced.md",
  "content/sources/async-await-intro.md",
  "content/sources/coroutines-tasks-event-loop.md",
  "content/sources/python-async-functions.md",
];

const imported = (source: string) => normalizeLesson(readFileSync(source), { file: source, source });

/** The body as MDX sees it: frontmatter dropped, and every node MDX-specific. */
function mdxTree(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter).parse(mdx);
}

describe.each(SOURCES)("%s", (source) => {
  const lesson = imported(source);

  it("passes the lesson schema as a draft", () => {
    expect(lessonSchema.parse(lesson.frontmatter)).toEqual(lesson.frontmatter);
    expect(lesson.frontmatter.draft).toBe(true);
    expect(lesson.frontmatter.source).toBe(source);
    expect(lesson.mdx.startsWith(`---\ntitle: ${lesson.frontmatter.title}\n`)).toBe(true);
  });

  it("has a title without another course's numbering or a duration", () => {
    expect(lesson.frontmatter.title).not.toMatch(/lesson\s*\d|minutes|\(/i);
  });

  it("has no mojibake, TOC link or foreign lesson reference left", () => {
    expect(lesson.mdx).not.toMatch(/â€|ðŸ|Ã/);
    expect(lesson.mdx).not.toContain("Back to TOC");
    expect(lesson.mdx).not.toMatch(/Lesson \d/);
    expect(lesson.mdx).not.toMatch(/Python (?:Intermediate|Advanced) #\d/);
  });

  it("has headings without trailing colons, starting at H2", () => {
    visit(mdxTree(lesson.mdx), "heading", (heading) => {
      expect(toString(heading)).not.toMatch(/:\s*$/);
      expect(heading.depth).toBeGreaterThanOrEqual(2);
    });
  });

  it("tags every code fence", () => {
    let fences = 0;
    visit(mdxTree(lesson.mdx), "code", (code) => {
      fences++;
      expect(code.lang).toMatch(/^(python|text)$/);
    });
    expect(fences).toBeGreaterThan(0);
  });

  it("compiles as MDX with nothing read as JSX or an expression", async () => {
    await expect(compile(lesson.mdx, { remarkPlugins: [remarkGfm, remarkFrontmatter] })).resolves.toBeDefined();
    const mdxNodes: string[] = [];
    visit(mdxTree(lesson.mdx), (node) => {
      if (node.type.startsWith("mdx")) mdxNodes.push(node.type);
    });
    expect(mdxNodes).toEqual([]);
  });

  it("has 3 to 8 lowercase singular keywords and a one-sentence description", () => {
    const { keywords, description } = lesson.frontmatter;
    expect(keywords.length).toBeGreaterThanOrEqual(3);
    expect(keywords.length).toBeLessThanOrEqual(8);
    expect(keywords).not.toContain("coroutines");
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description).toMatch(/\.$/);
    expect(description).not.toMatch(/[`*_[\]]/);
  });
});

describe("what each source is turned into", () => {
  it("keeps the explicit frontmatter of the advanced source", () => {
    const { frontmatter, mdx } = imported("content/sources/async-await-advanced.md");
    expect(frontmatter.title).toBe("Async/Await and Asynchronous Programming");
    expect(frontmatter.difficulty).toBe("advanced");
    expect(frontmatter.prerequisites).toEqual([
      { title: "Generators", url: "https://docs.python.org/3/howto/functional.html#generators" },
      { title: "Functions", url: "https://docs.python.org/3/tutorial/controlflow.html#defining-functions" },
    ]);
    expect(frontmatter.keywords).toEqual([
      "async",
      "await",
      "asyncio",
      "coroutine",
      // "coroutines" and "asynchronous" in the source: the vocabulary's preferred terms (src/lessons/vocabulary.ts).
      "asynchronous programming",
      "concurrency",
      "event loop",
    ]);
    expect(frontmatter.objectives).toHaveLength(6);
    expect(frontmatter.objectives).toContain("Create async functions using `async def`");
    // The sections that became frontmatter are gone; the first real section starts the body.
    expect(mdx).not.toMatch(/Learning Objectives|^#+ Prerequisites/m);
    expect(mdx.split("---\n")[2]?.trimStart().startsWith("## Introduction")).toBe(true);
  });

  it("takes title and duration from the numbered H1 of the intro", () => {
    const { frontmatter, mdx } = imported("content/sources/async-await-intro.md");
    expect(frontmatter.title).toBe("Asynchronous Programming with Async/Await");
    expect(frontmatter.duration).toBe(10);
    expect(frontmatter.difficulty).toBe("beginner");
    expect(frontmatter.description).toBe(
      "In this lesson, we'll explore asynchronous programming in Python, a powerful technique for handling I/O-bound tasks efficiently.",
    );
    expect(mdx).toContain("you're ready to explore combining threads and async.\n");
    expect(mdx).not.toContain("🔗");
    expect(mdx).toContain("## Key Points to Remember\n");
    // Bare URLs stay as the author wrote them.
    expect(mdx).toContain("- Python Asynchronous Programming: https://docs.python.org/3/library/asyncio.html");
  });

  it("takes the title from the numbered H2 of the coroutines source and repairs its dash", () => {
    const { frontmatter, mdx } = imported("content/sources/coroutines-tasks-event-loop.md");
    expect(frontmatter.title).toBe("Asynchronous Programming with async/await");
    expect(mdx).toContain("I/O-bound operations – tasks that spend");
    expect(mdx).not.toContain("Lesson 5.2");
    expect(frontmatter.objectives).toBeUndefined();
  });

  it("turns the numbered objectives list into objectives", () => {
    const { frontmatter, mdx } = imported("content/sources/python-async-functions.md");
    expect(frontmatter.title).toBe("Python Async Functions");
    expect(frontmatter.objectives).toEqual([
      "`async` and `await` syntax",
      "How to execute an async program with `asyncio`",
      "How to run concurrent coroutines",
      "How to create `asyncio` tasks",
      "How to use the `random` module",
    ]);
    expect(mdx).not.toContain("Learning Objectives");
    // The H3 right after the objectives is content, not part of that section.
    expect(mdx).toContain("## `Async` and `await` syntax");
    // Correct UTF-8 punctuation is not "repaired".
    expect(mdx).toContain("Let’s write a simple example");
  });
});
