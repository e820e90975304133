/**
 * The lesson-safety plugin on small MDX strings, compiled by Sätteri as the
 * build does: what a hostile author could write, and the message that tells
 * an honest author what to write instead.
 * The real build is covered by tests/integration/lesson-safety-build.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  checkLesson,
  LESSON_COMPONENTS,
  lessonSafetyProblems,
  SAFE_ELEMENTS,
} from "../../../src/markdown/lesson-safety";
import { isSafeUrl, urlScheme } from "../../../src/markdown/safe-url";

/** Each problem as "line:column message". */
function problems(mdx: string): string[] {
  return lessonSafetyProblems(mdx).map(
    ({ position, message }) => `${position?.start.line}:${position?.start.column} ${message}`,
  );
}

/** The error the plugin raises when the lesson is compiled, as the build would see it. */
async function compileError(mdx: string, path = "content/lessons/hostile.mdx"): Promise<string> {
  try {
    checkLesson(mdx, path);
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error("expected the lesson to be rejected");
}

describe("a lesson cannot run code at build time", () => {
  it("rejects import and export lines (MDX ESM), naming the line and what to write instead", () => {
    const found = problems('Intro.\n\nimport fs from "node:fs"\n\nexport const x = 1\n');
    expect(found).toEqual([
      expect.stringMatching(/^3:1 a line starting with "import " is JavaScript.*``` fence/),
      expect.stringMatching(/^5:1 a line starting with "export " is JavaScript/),
    ]);
  });

  it("rejects {expressions} in flow, in text and in attributes", () => {
    const found = problems("{process.env.HOME}\n\nHello {user}.\n\n<abbr title={secret}>x</abbr>\n");
    expect(found).toEqual([
      expect.stringMatching(/^1:1 \{process\.env\.HOME\} is a JavaScript expression.*\\\{.*`code`/),
      expect.stringMatching(/^3:7 \{user\} is a JavaScript expression/),
      expect.stringMatching(/^5:7 title=\{secret\} on <abbr> is a JavaScript expression: write a literal value/),
    ]);
  });

  it("rejects spread attributes", () => {
    expect(problems("<kbd {...props}>x</kbd>\n")).toEqual([expect.stringMatching(/^1:6 the spread attribute/)]);
  });
});

describe("a lesson cannot put scripts into the page", () => {
  it("rejects <script>, <iframe> and <a>, pointing at Markdown (once per element, not per attribute)", () => {
    const found = problems(
      '<script>alert(1)</script>\n\n<iframe src="https://x.test"></iframe>\n\nA <a href="https://x.test">y</a>.\n',
    );
    expect(found).toEqual([
      expect.stringMatching(/^1:1 the HTML element <script> is not allowed: .*``` fence.*allowed HTML: <details>/),
      expect.stringMatching(/^3:1 the HTML element <iframe> is not allowed/),
      expect.stringMatching(/^5:3 the HTML element <a> is not allowed: use a Markdown link/),
    ]);
  });

  it("rejects event handlers in any case, and style", () => {
    const found = problems(
      '<img src="x.png" alt="x" onError="alert(1)" />\n\n<kbd ONCLICK="y" style="color: red">k</kbd>\n',
    );
    expect(found).toEqual([
      expect.stringMatching(/^1:26 the onError attribute on <img> is an event handler.*remove the onerror attribute/),
      expect.stringMatching(/^3:6 the ONCLICK attribute .*remove the onclick attribute/),
      expect.stringMatching(/^3:18 the style attribute on <kbd> is not allowed/),
    ]);
  });

  it("rejects components, fragments, namespaced and member names while the component allowlist is empty", () => {
    expect(LESSON_COMPONENTS.size).toBe(0);
    const found = problems("<Component />\n\n<>text</>\n\n<svg:rect />\n\n<a.b />\n");
    expect(found).toEqual([
      expect.stringMatching(/^1:1 the component <Component> is not allowed in a lesson \(allowed components: none\)/),
      expect.stringMatching(/^3:1 a JSX fragment/),
      expect.stringMatching(/^5:1 the HTML element <svg:rect> is not allowed/),
      expect.stringMatching(/^7:1 the component <a\.b> is not allowed/),
    ]);
  });

  it("requires a non-empty literal alt on <img>", () => {
    expect(problems('<img src="/a.png" />\n\n<img src="/a.png" alt=" " />\n')).toEqual([
      expect.stringMatching(/^1:1 <img> needs a non-empty alt/),
      expect.stringMatching(/^3:1 <img> needs a non-empty alt/),
    ]);
  });
});

describe("a lesson cannot link to javascript: or data: URLs", () => {
  it("rejects them in links, images, definitions and URL attributes, however they are disguised", () => {
    const found = problems(
      [
        "[a](javascript:alert(1)) and ![b](data:image/png;base64,AAAA)",
        "",
        "[c][ref] and [d](JaVaScRiPt:alert(1)) and [e](<\u0001 javascript:alert(1)>)",
        "",
        "[ref]: vbscript:msgbox",
        "",
        '<img src="&#106;avascript:alert(1)" alt="x" />',
        "",
        '<img src=" java\tscript:alert(1)" alt="x" />',
        "",
        "[f](&#106;avascript:alert(1)) and [g](java&#x09;script:alert(1))",
        "",
      ].join("\n"),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^1:1 the link to javascript:alert\(1\) uses the javascript: scheme; only http:, https:, mailto: and relative URLs/,
      ),
      expect.stringMatching(
        /^1:30 the image data:image\/png;base64,AAAA uses the data: scheme.*put the file in public\//,
      ),
      expect.stringMatching(/^3:14 the link to JaVaScRiPt:alert\(1\) uses the javascript: scheme/),
      expect.stringMatching(/^3:43 the link to .*uses the javascript: scheme/),
      expect.stringMatching(/^5:1 the link definition \[ref\] uses the vbscript: scheme/),
      expect.stringMatching(/^7:6 src="javascript:alert\(1\)" on <img> uses the javascript: scheme/),
      expect.stringMatching(/^9:6 src=.* on <img> uses the javascript: scheme/),
      expect.stringMatching(/^11:1 the link to javascript:alert\(1\) uses the javascript: scheme/),
      expect.stringMatching(/^11:35 the link to java\tscript:alert\(1\) uses the javascript: scheme/),
    ]);
  });

  it("reads URLs as a browser does: http(s), mailto and relative pass, any other scheme does not", () => {
    for (const url of [
      "https://x.test/a",
      "HTTP://x.test",
      "mailto:a@b.test",
      "#part",
      "/lessons/x/",
      "./a.png",
      "a/b:c",
      "//cdn.test/x",
      "?q=1",
      "javascript%3Aalert(1)",
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
    for (const url of [
      "javascript:alert(1)",
      " \u0000javascript:x",
      "JAVASCRIPT:x",
      "java\nscript:x",
      "data:text/html,x",
      "vbscript:x",
      "file:///etc/passwd",
      "c:x",
    ]) {
      expect(isSafeUrl(url), url).toBe(false);
    }
    expect(urlScheme("\tJaVa\tScript:x")).toBe("javascript");
  });
});

describe("what a lesson may contain", () => {
  it("accepts Markdown, the safe HTML elements with their attributes, and safe URLs", () => {
    const mdx = [
      "## A heading",
      "",
      "Text with [a link](https://docs.python.org/3/) and [mail](mailto:a@b.test), [a part](#a-heading) and **bold**.",
      "",
      "![A diagram](/images/loop.png)",
      "",
      "<details open>",
      "<summary>Show the answer</summary>",
      "",
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; H<sub>2</sub>O, x<sup>2</sup>, <mark>note</mark>, <abbr title="Global Interpreter Lock">GIL</abbr>.<br />',
      "",
      '<img src="/images/loop.png" alt="The event loop" width="300" height="200" title="Loop" />',
      "",
      "</details>",
      "",
      "Braces escaped: \\{key: value\\}, and `{code}`.",
      "",
      "```python",
      "import asyncio",
      "print({1: 2})",
      "```",
      "",
    ].join("\n");
    expect(problems(mdx)).toEqual([]);
    expect([...SAFE_ELEMENTS.keys()]).toEqual(["details", "summary", "kbd", "br", "sub", "sup", "mark", "abbr", "img"]);
  });
});

describe("the error", () => {
  it("lists every problem of the file as path:line:column, not just the first", async () => {
    const message = await compileError('Intro.\n\nimport x from "y"\n\nText {1 + 1} and [z](javascript:void(0)).\n');
    expect(message).toContain("content/lessons/hostile.mdx: a lesson is content, not a program (3 problems;");
    expect(message).toContain('content/lessons/hostile.mdx:3:1: a line starting with "import "');
    expect(message).toContain("content/lessons/hostile.mdx:5:6: {1 + 1} is a JavaScript expression");
    expect(message).toContain("content/lessons/hostile.mdx:5:18: the link to javascript:void(0)");
  });

  it("names the file relative to the working directory when given an absolute path", async () => {
    const message = await compileError("{1}\n", `${process.cwd()}/content/lessons/abs.mdx`);
    expect(message).toContain("content/lessons/abs.mdx:1:1: {1}");
    expect(message).not.toContain(process.cwd());
  });

  it("refuses a layout: frontmatter key, which Astro would import as code", async () => {
    expect(() => checkLesson("Text.\n", "content/lessons/layout.mdx", { title: "x", layout: "../../evil.js" })).toThrow(
      /content\/lessons\/layout\.mdx:1:1: the frontmatter key layout: would make the build import "\.\.\/\.\.\/evil\.js" as code/,
    );
  });

  it("leaves a safe lesson alone", async () => {
    expect(() => checkLesson("Hello <kbd>x</kbd>.\n", "content/lessons/safe.mdx")).not.toThrow();
  });
});
