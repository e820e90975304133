/**
 * The steps of transformBody (src/normalize/body-steps/) one by one, on small
 * inputs. body.test.ts and safety.test.ts check the whole pipeline.
 */
import type { Code, Heading, Image, Link, Nodes, Paragraph, Root } from "mdast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { fenceCodeStep, fenced } from "../../../src/normalize/body-steps/code";
import { outputPlan } from "../../../src/normalize/body-steps/outputs";
import { assetPlan } from "../../../src/normalize/body-steps/assets";
import { keptHtml } from "../../../src/normalize/body-steps/html";
import { esmStarts, fenceEsmPythonStep } from "../../../src/normalize/body-steps/esm";
import { finishBody } from "../../../src/normalize/body-steps/finish";
import { headingPlan, shiftHeading } from "../../../src/normalize/body-steps/headings";
import { escapeAlt } from "../../../src/normalize/body-steps/images";
import { linkStep } from "../../../src/normalize/body-steps/link-steps";
import { linkTargets } from "../../../src/normalize/body-steps/link-targets";
import { escapeProseLines, rewriteProse } from "../../../src/normalize/body-steps/prose";
import { deadNavigationLines, mergeRanges, removeRanges } from "../../../src/normalize/body-steps/removed";
import type { BodyContext, StepResult } from "../../../src/normalize/body-steps/step";
import { walkNodes } from "../../../src/normalize/body-steps/walk";
import { applyEdits } from "../../../src/normalize/edits";
import { parseMarkdown } from "../../../src/normalize/markdown";
import { transformBody } from "../../../src/normalize/body";

/** The first node of a type, with its parent. */
function find<T extends Nodes>(tree: Root, type: T["type"]): { node: T; parent: Parent } {
  let found: { node: T; parent: Parent } | undefined;
  visit(tree, (node, _index, parent) => {
    if (found === undefined && node.type === type) found = { node: node as T, parent };
  });
  if (found === undefined) throw new Error(`no ${type} node`);
  return found;
}
type Parent = Parameters<typeof fenceCodeStep>[2];

/** The context transformBody would build, with nothing removed. */
function contextOf(text: string, knownIds: string[] = []): { tree: Root; context: BodyContext } {
  const tree = parseMarkdown(text);
  const isRemoved = () => false;
  const { shift, headingEnds } = headingPlan(tree, isRemoved);
  const ids = new Set(knownIds);
  return {
    tree,
    context: {
      text,
      knownIds: ids,
      links: linkTargets(tree, ids),
      isRemoved,
      headingShift: shift,
      headingEnds,
      esmStarts: esmStarts(tree, text),
      outputFences: outputPlan(tree, text).outputFences,
      keptHtml: keptHtml(tree),
      images: assetPlan("lesson", () => false),
    },
  };
}

describe("html: comments, safe elements, images", () => {
  const body = (text: string, files: string[] = []) =>
    transformBody({
      text,
      tree: parseMarkdown(text),
      removals: [],
      knownIds: new Set(),
      images: assetPlan("my-lesson", (path) => files.includes(path)),
    });

  it("keeps details/summary, kbd, br, sub and sup as working HTML, written as MDX reads them", () => {
    const text =
      "<details>\n<summary>Show the {solution}</summary>\n\n```python\nprint(1)\n```\n\n</details>\n\n" +
      "Press <KBD>Ctrl</KBD>+<kbd>C</kbd>.<br>H<sub>2</sub>O and x<sup>2</sup>.\n";
    expect(body(text).body).toBe(
      "<details>\n<summary>Show the \\{solution\\}</summary>\n\n```python\nprint(1)\n```\n\n</details>\n\n" +
        "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br />H<sub>2</sub>O and x<sup>2</sup>.\n",
    );
  });

  it("drops attributes lessons may not carry, and shows unbalanced or unsafe HTML as text", () => {
    const { body: mdx, notes } = body(
      '<details open class="x">\n<summary>S</summary>\n\nText.\n\n</details>\n\nA <kbd>b and <div>c</div>.\n',
    );
    expect(mdx).toBe(
      "<details open>\n<summary>S</summary>\n\nText.\n\n</details>\n\nA \\<kbd\\>b and \\<div\\>c\\</div\\>.\n",
    );
    expect(notes).toContainEqual({
      kind: "removed",
      message: "<details> attribute(s) class: not allowed in lessons",
      line: 1,
    });
  });

  it("turns HTML comments into MDX comments", () => {
    const { body: mdx, notes } = body("Text.\n\n<!-- a */ {note} -->\n\nMore <!-- inline --> text.\n");
    expect(mdx).toBe("Text.\n\n{/* a * / note */}\n\nMore {/* inline */} text.\n");
    expect(notes).toContainEqual({
      kind: "repaired",
      message: "HTML comment -> MDX comment {/* ... */} (kept, not shown)",
      line: 3,
    });
  });

  it("points local images at their copy next to the lesson, and reports missing ones with their line, keeping the alt text", () => {
    const text =
      '![A diagram](img/Flow%20Chart.png)\n\n<img src="img/loop.webp" alt="The loop" onclick="x()">\n\n<img src="img/logo.svg" alt="Logo">\n\n' +
      "![Gone](missing.png)\n\n![Remote](https://example.org/a.png)\n";
    const result = transformBody({
      text,
      tree: parseMarkdown(text),
      removals: [],
      knownIds: new Set(),
      images: assetPlan("my-lesson", (path) => ["img/Flow Chart.png", "img/loop.webp", "img/logo.svg"].includes(path)),
    });
    expect(result.body).toBe(
      "![A diagram](./my-lesson/flow-chart.png)\n\n![The loop](./my-lesson/loop.webp)\n\nLogo\n\nGone\n\n![Remote](https://example.org/a.png)\n",
    );
    expect(result.notes).toContainEqual({
      kind: "warning",
      message:
        "image missing.png: no such image file beside the raw lesson (a regular file of at most 10 MiB); removed it and kept its alt text (put the file beside the raw lesson and import again)",
      line: 7,
    });
    expect(result.notes).toContainEqual(
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining("an SVG can carry scripts: convert it to PNG"),
      }),
    );
  });
});

describe("outputs: a fence shown as a block's output", () => {
  const body = (text: string) => transformBody({ text, tree: parseMarkdown(text), removals: [], knownIds: new Set() });

  it.each([
    ["Output:"],
    ["Expected output:"],
    ["This prints:"],
    ["**Output**"],
    ["It will print..."],
    ["You should see:"],
  ])("%j between a Python block and an untagged fence: the fence becomes ```output, the label goes", (label) => {
    const text = `Run it:\n\n\`\`\`python\nprint(1)\n\`\`\`\n\n${label}\n\n\`\`\`\n1\n\`\`\`\n\nDone.\n`;
    const { body: mdx, notes } = body(text);
    expect(mdx).toBe("Run it:\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n\nDone.\n");
    expect(notes).toContainEqual(expect.objectContaining({ kind: "repaired", line: 7 }));
  });

  it("takes a ~~~ text fence too, and keeps a label that introduces no output", () => {
    const text =
      "```python\nprint(2)\n```\n\nOutput:\n\n~~~text\n2\n~~~\n\n```python\nx = 1\n```\n\nOutput:\n\nnothing\n";
    expect(body(text).body).toBe(
      "```python\nprint(2)\n```\n\n~~~output\n2\n~~~\n\n```python\nx = 1\n```\n\nOutput:\n\nnothing\n",
    );
  });

  it("leaves a fence after a non-Python block or after other prose alone", () => {
    const text =
      "```js\nconsole.log(1)\n```\n\nOutput:\n\n```\n1\n```\n\n```python\nprint(1)\n```\n\nThen run:\n\n```\n$ ls\n```\n";
    const mdx = body(text).body;
    expect(mdx).not.toContain("output");
    expect(mdx).toContain("Output:");
  });
});

/** The source after one step's edits. */
const edited = (text: string, result: StepResult | undefined) => applyEdits(text, result?.edits ?? []);

describe("removed: dead navigation lines", () => {
  const isDead = (text: string) => linkTargets(parseMarkdown(text), new Set()).isDead;

  it("drops a paragraph of nothing but dead links and decoration, with a note", () => {
    const text = "Prose.\n\n🔗 [Back](./toc.md) | [Next](./02.md)\n\nMore prose.\n";
    const { ranges, notes } = deadNavigationLines(parseMarkdown(text), text, isDead(text));
    expect(
      applyEdits(
        text,
        ranges.map(([start, end]) => ({ start, end, text: "" })),
      ),
    ).toBe("Prose.\n\nMore prose.\n");
    expect(notes).toEqual([
      {
        kind: "removed",
        message: '"🔗 [Back](./toc.md) | [Next](./02.md)": nothing but dead links or missing images',
        line: 3,
      },
    ]);
  });

  it("keeps a line whose dead link sits in prose, and one with a live link", () => {
    const text = "Read [the intro](./toc.md) first.\n\n[Docs](https://docs.python.org/)\n";
    expect(deadNavigationLines(parseMarkdown(text), text, isDead(text)).ranges).toEqual([]);
  });

  it("drops only the dead items of a list, or the whole list when all are dead", () => {
    const mixed = "- [Back](../index.md)\n- Kept item\n";
    const some = deadNavigationLines(parseMarkdown(mixed), mixed, isDead(mixed));
    expect(some.ranges).toEqual([[0, "- [Back](../index.md)\n".length]]);
    const all = "- [Back](../index.md)\n- 🔗 [Next](./02.md) ![icon](./next.png)\n\nAfter.\n";
    expect(deadNavigationLines(parseMarkdown(all), all, isDead(all)).ranges).toEqual([[0, all.indexOf("After")]]);
    // A line of images alone is content, left to the image step.
    const image = "- [Back](../index.md)\n- ![map](./map.png)\n";
    expect(deadNavigationLines(parseMarkdown(image), image, isDead(image)).ranges).toEqual([
      [0, "- [Back](../index.md)\n".length],
    ]);
  });

  it("merges overlapping and touching ranges, sorted", () => {
    expect(
      mergeRanges([
        [10, 20],
        [0, 5],
        [5, 8],
        [15, 30],
        [40, 41],
      ]),
    ).toEqual([
      [0, 8],
      [10, 30],
      [40, 41],
    ]);
  });

  it("tells which nodes lie wholly inside a removed range", () => {
    const text = "# Gone\n\nKept.\n";
    const tree = parseMarkdown(text);
    const { isRemoved, edits } = removeRanges([[0, 8]]);
    expect(edits).toEqual([{ start: 0, end: 8, text: "" }]);
    expect(isRemoved(find<Heading>(tree, "heading").node)).toBe(true);
    expect(isRemoved(find<Paragraph>(tree, "paragraph").node)).toBe(false);
  });
});

describe("headings", () => {
  it("shifts so the shallowest kept heading becomes H2, ignoring removed ones", () => {
    const tree = parseMarkdown("# Title\n\n### Deep\n\n#### Deeper\n");
    const title = find<Heading>(tree, "heading").node;
    expect(headingPlan(tree, () => false).shift).toBe(1);
    expect(headingPlan(tree, (node) => node === title).shift).toBe(-1);
    expect(headingPlan(parseMarkdown("No headings.\n"), () => false).shift).toBe(0);
  });

  it("rewrites ATX marks, caps at H6 and turns a one-line setext heading into ATX", () => {
    const atx = "  ### Deep\n";
    expect(edited(atx, shiftHeading(atx, find<Heading>(parseMarkdown(atx), "heading").node, -1))).toBe("  ## Deep\n");
    const six = "##### Five\n";
    expect(edited(six, shiftHeading(six, find<Heading>(parseMarkdown(six), "heading").node, 3))).toBe("###### Five\n");
    const setext = "Setext *title*\n=====\n";
    expect(edited(setext, shiftHeading(setext, find<Heading>(parseMarkdown(setext), "heading").node, 1))).toBe(
      "## Setext *title*\n",
    );
  });

  it("warns instead of changing a multi-line setext heading", () => {
    const text = "Two\nlines\n---\n";
    const result = shiftHeading(text, find<Heading>(parseMarkdown(text), "heading").node, 1);
    expect(result.edits).toBeUndefined();
    expect(result.notes).toEqual([
      { kind: "warning", message: "could not change the level of this multi-line heading to H3", line: 1 },
    ]);
  });
});

describe("code", () => {
  it("tags an untagged fence by its content and leaves a tagged one alone", () => {
    const text = "```\nimport asyncio\n```\n\n```js\nlet x\n```\n";
    const { tree, context } = contextOf(text);
    const untagged = find<Code>(tree, "code");
    const result = fenceCodeStep(untagged.node, context, untagged.parent);
    expect(edited(text, result)).toBe("```python\nimport asyncio\n```\n\n```js\nlet x\n```\n");
    expect(result?.repairs).toEqual([{ message: "tagged untagged code fences as python", line: 1 }]);
    const tagged = tree.children[1] as Code;
    expect(fenceCodeStep(tagged, context, tree)).toBeUndefined();
  });

  it("fences top-level indented code, and only warns (escaping) inside a list", () => {
    const top = "Text.\n\n    x = {1}\n";
    const topContext = contextOf(top);
    const code = find<Code>(topContext.tree, "code");
    expect(edited(top, fenceCodeStep(code.node, topContext.context, code.parent))).toBe(
      "Text.\n\n```text\nx = {1}\n```\n",
    );

    const nested = "- item\n\n        x = {1}\n";
    const nestedContext = contextOf(nested);
    const inList = find<Code>(nestedContext.tree, "code");
    const result = fenceCodeStep(inList.node, nestedContext.context, inList.parent);
    expect(edited(nested, result)).toBe("- item\n\n        x = \\{1\\}\n");
    expect(result?.notes?.[0]).toMatchObject({ kind: "warning", line: 3 });
  });

  it("fences with more backticks than the code holds", () => {
    expect(fenced("a ```` b", "text")).toBe("`````text\na ```` b\n`````");
    expect(fenced("plain", "python")).toBe("```python\nplain\n```");
  });
});

describe("esm", () => {
  it("fences an ESM-looking Python paragraph and skips its children; leaves other paragraphs", () => {
    const text = "import asyncio\nasyncio.run(main())\n\nimport the data first.\n";
    const { tree, context } = contextOf(text);
    const [python, prose] = tree.children as Paragraph[];
    const result = fenceEsmPythonStep(python!, context, tree);
    expect(result?.skip).toBe(true);
    expect(edited(text, result)).toBe(
      "```python\nimport asyncio\nasyncio.run(main())\n```\n\nimport the data first.\n",
    );
    expect(fenceEsmPythonStep(prose!, context, tree)).toBeUndefined();
  });

  it("finds only top-level blocks starting at column 1", () => {
    const text = "import x\n\n> import y\n\n import z\n";
    expect([...esmStarts(parseMarkdown(text), text)]).toEqual([0]);
  });
});

describe("prose", () => {
  it("escapes MDX's characters but keeps a quote's continuation prefix", () => {
    expect(escapeProseLines("a {b}\n> c <d>")).toEqual({ text: "a \\{b\\}\n> c \\<d\\>", escapes: 4 });
  });

  it("drops a heading's trailing colon and foreign lesson references", () => {
    expect(rewriteProse("Setup:", true)).toMatchObject({ text: "Setup", strippedColon: true, escapes: 0 });
    expect(rewriteProse("Setup:", false)).toMatchObject({ text: "Setup:", strippedColon: false });
    expect(rewriteProse("As shown in Lesson 4.", false)).toMatchObject({
      text: "As shown.",
      dropped: ["in Lesson 4"],
    });
  });
});

describe("links and images", () => {
  const linkIn = (text: string, knownIds: string[] = []) => {
    const { tree, context } = contextOf(text, knownIds);
    return linkStep(find<Link>(tree, "link").node, context, undefined);
  };

  it("turns an autolink into a bare URL", () => {
    const text = "See <https://example.org>.\n";
    expect(edited(text, linkIn(text))).toBe("See https://example.org.\n");
  });

  it("unwraps unsafe and dead links, keeping their text", () => {
    const unsafe = "A [click](javascript:alert(1)) here.\n";
    expect(edited(unsafe, linkIn(unsafe))).toBe("A click here.\n");
    const dead = "A [toc](./toc.md) here.\n";
    expect(linkIn(dead)?.notes).toEqual([
      {
        kind: "warning",
        message:
          'dead link to ./toc.md: removed the link and kept its text "toc"; reword the sentence if it still points the reader at that page',
        line: 1,
      },
    ]);
  });

  it("rewrites a link to a known lesson, keeping its title, and keeps other links", () => {
    const text = 'See [intro](/lessons/intro "The intro").\n';
    expect(edited(text, linkIn(text, ["intro"]))).toBe('See [intro](../intro/ "The intro").\n');
    expect(linkIn("See [docs](https://docs.python.org/).\n")).toBeUndefined();
  });

  it("escapes an image's alt text up to its closing bracket", () => {
    const text = "![a {b} [c] <d>](https://x.org/i.png)\n";
    const edit = escapeAlt(text, find<Image>(parseMarkdown(text), "image").node);
    expect(edit && applyEdits(text, [edit])).toBe("![a \\{b\\} [c] \\<d\\>](https://x.org/i.png)\n");
    const plain = "![plain](https://x.org/i.png)\n";
    expect(escapeAlt(plain, find<Image>(parseMarkdown(plain), "image").node)).toBeUndefined();
  });
});

describe("walk and finish", () => {
  it("hands nodes to their steps in document order, skipping removed nodes and replaced children", () => {
    const text = "# Gone {x}\n\nkept {y}\n";
    const { tree, context } = contextOf(text);
    const seen: string[] = [];
    const results = walkNodes(
      tree,
      { ...context, isRemoved: (node) => node.position?.start.line === 1 },
      {
        paragraph: (node) => {
          seen.push(`paragraph ${node.position?.start.line}`);
          return { skip: true, notes: [{ kind: "warning", message: "p" }] };
        },
        text: (node) => {
          seen.push(`text ${node.value}`);
          return undefined;
        },
      },
    );
    expect(seen).toEqual(["paragraph 3"]);
    expect(results).toEqual([{ skip: true, notes: [{ kind: "warning", message: "p" }] }]);
  });

  it("applies every edit, trims the body and reports each kind of repair once, after the notes", () => {
    const text = "\n\nA {b}\n\nC {d}\n\n\n";
    const { body, notes } = finishBody(text, [
      { notes: [{ kind: "removed", message: "first", line: 9 }] },
      { edits: [{ start: 4, end: 5, text: "\\{" }], repairs: [{ message: "escaped", line: 3 }] },
      { repairs: [{ message: "fenced", line: 4 }] },
      { edits: [{ start: 11, end: 14, text: "" }], repairs: [{ message: "escaped", line: 5 }] },
    ]);
    expect(body).toBe("A \\{b}\n\nC\n");
    expect(notes).toEqual([
      { kind: "removed", message: "first", line: 9 },
      { kind: "repaired", message: "escaped (lines 3, 5)" },
      { kind: "repaired", message: "fenced (line 4)" },
    ]);
  });
});
