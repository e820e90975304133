import { describe, expect, it } from "vitest";
import { chains, extractBlocks, ExtractError } from "../../../src/codeblocks/extract";

const FILE = "content/lessons/example.mdx";

const lesson = `---
title: Example
---

import Note from "./note.astro";

Some text with {"an expression"}.

\`\`\`python
print("one")
\`\`\`

\`\`\`output
one
\`\`\`

- In a list:

  \`\`\`python continue
  print("two")
  \`\`\`

\`\`\`bash
echo "not Python"
\`\`\`

<Note>
\`\`\`python skip="shows a prompt"
input()
\`\`\`
</Note>
`;

describe("extractBlocks", () => {
  const blocks = extractBlocks(lesson, FILE);

  it("finds every Python block with its lines, settings and output block", () => {
    expect(blocks.map((block) => block.name)).toEqual([`${FILE}:9-11`, `${FILE}:19-21`, `${FILE}:28-30`]);
    expect(blocks[0]).toMatchObject({
      code: 'print("one")',
      firstCodeLine: 10,
      output: { text: "one", start: 13, end: 15 },
    });
    expect(blocks[1]).toMatchObject({ code: 'print("two")', firstCodeLine: 20, settings: { continue: true } });
    expect(blocks[1]!.output).toBeUndefined();
    expect(blocks[2]!.settings.skip).toBe("shows a prompt");
  });

  it("groups continued blocks into one chain", () => {
    expect(chains(blocks).map((chain) => chain.map((block) => block.start))).toEqual([[9, 19], [28]]);
  });

  it.each([
    ["```python foo\nx\n```\n", 1, 'unknown code block setting "foo"'],
    ["text\n\n```python continue\nx\n```\n", 3, "nothing to continue"],
    ["```output\nx\n```\n", 1, "does not directly follow"],
    ["```bash\nx\n```\n\n```output\nx\n```\n", 5, "does not directly follow"],
    ['```python skip="why"\nx\n```\n\n```output\nx\n```\n', 5, "a skipped block cannot have an output block"],
    ['```python skip="why"\nx\n```\n\n```python continue\ny\n```\n', 5, "continues example.mdx:1-3, which is skipped"],
    ["# Title\n\n<div>\n", 3, "not valid MDX"],
  ])("rejects %j at line %i", (text, line, message) => {
    const attempt = () => extractBlocks(text, "example.mdx");
    expect(attempt).toThrow(ExtractError);
    expect(attempt).toThrow(`example.mdx:${line}: `);
    expect(attempt).toThrow(message);
  });
});
