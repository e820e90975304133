/** The content loader's checks of lesson files, on throwaway folders (the real build runs them in tests/integration/unsafe-input-build.test.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lessonFileProblems, sourceProblem } from "../../../src/lessons/file-checks";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "file-checks-"));
  mkdirSync(path.join(root, "content/lessons"), { recursive: true });
  mkdirSync(path.join(root, "content/sources"), { recursive: true });
  writeFileSync(path.join(root, "content/sources/raw.md"), "# Raw\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const check = (name: string, text: string) => {
  writeFileSync(path.join(root, "content/lessons", name), text);
  return lessonFileProblems(root, "content/lessons", [name]);
};

describe("lesson file checks", () => {
  it("a lesson with an existing source passes", () => {
    expect(check("fine.mdx", "---\ntitle: Fine\nsource: content/sources/raw.md\n---\n\n> - quoted list\n")).toEqual([]);
  });

  it.each([
    ["content/sources/nowhere.md", /"content\/sources\/nowhere\.md" does not exist; add the raw lesson there/],
    ["/etc/passwd", /"\/etc\/passwd" is not a file in content\/sources\//],
    ["content/sources/../../../etc/passwd", /is not a file in content\/sources\//],
    ["content/sources/./raw.md", /is not a file in content\/sources\//],
    ["content/lessons/fine.mdx", /is not a file in content\/sources\//],
    ["content/sources", /is not a file in content\/sources\//],
  ])("a source that names no raw file in content/sources/ is refused: %s", (source, message) => {
    expect(sourceProblem(root, source)).toMatch(message);
  });

  it("a source that is a folder is refused", () => {
    mkdirSync(path.join(root, "content/sources/folder.md"));
    expect(sourceProblem(root, "content/sources/folder.md")).toMatch(/is not a file/);
  });

  it("deep nesting is reported with file:line and field, before any parser runs", () => {
    expect(check("deep.mdx", `---\ntitle: Deep\n---\n\n${"> ".repeat(500)}x\n`)).toEqual([
      {
        file: "content/lessons/deep.mdx:5",
        field: "body",
        message: "lists and block quotes are nested 500 levels deep here, over the limit of 32; flatten the nesting.",
      },
    ]);
  });

  it("a YAML alias bomb in frontmatter is reported, not expanded", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = ["abcdefghi"[i], "abcdefghi"[i - 1]];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const [problem] = check("bomb.mdx", `---\n${levels.join("\n")}\n---\n\nText.\n`);
    expect(problem).toMatchObject({ file: "content/lessons/bomb.mdx:2", field: "frontmatter" });
    expect(problem?.message).toMatch(/^Excessive alias count indicates a resource exhaustion attack; write each value/);
  });

  it("a file over 1 MiB is refused by its size alone", () => {
    expect(check("huge.mdx", "x".repeat(1024 * 1024 + 1))).toEqual([
      {
        file: "content/lessons/huge.mdx",
        field: "file size",
        message:
          "the file is 1,048,577 bytes, over the limit of 1 MiB (1,048,576 bytes) per lesson; split it into several lessons.",
      },
    ]);
  });
});
