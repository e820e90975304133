/** Input that cannot become a lesson: a clear ImportError naming the file and, where known, the line. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportError, normalizeLesson } from "../../../src/normalize/index";

const FIXTURES = "tests/fixtures/import";

function importError(raw: Uint8Array | string, file: string): ImportError {
  try {
    normalizeLesson(raw, { file, source: "content/sources/fixture.md" });
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error(`${file} was imported without an error`);
}

const fixture = (name: string) => importError(readFileSync(`${FIXTURES}/${name}`), `${FIXTURES}/${name}`);

describe("broken inputs", () => {
  it.each([
    ["empty.md", 1, /the file is empty/],
    ["broken-yaml.md", 4, /broken YAML frontmatter/],
    ["unclosed-fence.md", 5, /code fence ``` opened on line 5 is never closed/],
    ["unclosed-frontmatter.md", 1, /frontmatter opened on line 1 is never closed/],
  ])("%s: error at line %i", (name, line, reason) => {
    const error = fixture(name);
    expect(error.file).toBe(`${FIXTURES}/${name}`);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(reason);
    expect(error.message.startsWith(`${FIXTURES}/${name}:${line}: `)).toBe(true);
  });

  it("a file without any heading names the file and says how to fix it", () => {
    const error = fixture("no-heading.md");
    expect(error.message).toMatch(/^tests\/fixtures\/import\/no-heading\.md: no heading/);
    expect(error.hint).toMatch(/# Title heading/);
  });

  it("a file of blank lines is empty too", () => {
    expect(importError("\n   \n\n", "blank.md").reason).toBe("the file is empty");
  });

  it("invalid UTF-8 is reported at its byte offset and line", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("# Title\n\nFine text.\nBad "), 0xff, 0x41, 0x0a]);
    const error = importError(bytes, "latin.md");
    expect(error.line).toBe(4);
    expect(error.reason).toBe("invalid UTF-8 at byte 24 (0xFF)");
  });

  it("a multi-byte sequence cut short is reported at its lead byte", () => {
    // "é" is C3 A9; here C3 is followed by a newline.
    const bytes = new Uint8Array([...new TextEncoder().encode("# Caf"), 0xc3, 0x0a, 0x41]);
    const error = importError(bytes, "cut.md");
    expect(error.line).toBe(1);
    expect(error.reason).toMatch(/at byte 5 \(0xC3\)/);
  });

  it("YAML errors are mapped from frontmatter lines to file lines", () => {
    // The duplicate key is on line 3 of the YAML, which is line 4 of the file.
    const error = importError("---\ndescription: x\ntitle: A\ntitle: B\n---\n# A\n", "dup.md");
    expect(error.line).toBe(4);
    expect(error.reason).toBe("broken YAML frontmatter: Map keys must be unique");
  });

  it("frontmatter that is not a mapping is rejected", () => {
    expect(importError("---\n- a\n- b\n---\n# A\n\nSome text here to read.\n", "list.md").reason).toMatch(/mapping/);
  });

  it("a source outside content/sources is rejected after content checks pass", () => {
    expect(() =>
      normalizeLesson("# Title\n\nThis is a perfectly good sentence to describe it.\n", {
        file: "elsewhere.md",
        source: "elsewhere.md",
      }),
    ).toThrow(/elsewhere\.md: the source path elsewhere\.md is not in content\/sources\//);
  });

  it("a lesson with no usable sentence asks for a description", () => {
    expect(importError("# Title\n\nHi!\n\n```python\nprint(1)\n```\n", "terse.md").reason).toMatch(/description/);
  });
});

describe("input built to crash the importer gets an ImportError, not a RangeError", () => {
  const prose = "# Deep\n\nAsyncio runs many tasks on one thread with the event loop.\n\n";

  it.each([
    ["3,000 quote markers", ">".repeat(3000) + " deep\n"],
    ["3,000 list markers", "- ".repeat(3000) + "deep\n"],
  ])("nesting of %s stops before parsing, at its line", (_, deep) => {
    const error = importError(prose + deep, "deep.md");
    expect(error.line).toBe(5);
    expect(error.reason).toMatch(/nested 3000 levels deep here, over the limit of 32; flatten the nesting/);
  });

  it("a YAML alias bomb (billion laughs) in frontmatter is refused at the frontmatter", () => {
    const error = fixture("alias-bomb.md");
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/unusable YAML frontmatter: Excessive alias count/);
    expect(error.hint).toMatch(/anchors and aliases/);
  });

  it('an emoji-only title is refused instead of giving the lesson id "" and the file .mdx', () => {
    // The file name is not a lesson id (underscore), so the id has to come from the title.
    const error = fixture("emoji_title.md");
    expect(error.reason).toBe('the title "🚀 🎉 ✨" has no letters or digits to make a lesson id from');
    expect(error.hint).toMatch(/give the lesson a title with letters, or pass the id as the file name/);
  });

  it("an emoji-only title is fine when the file name gives the id", () => {
    const lesson = normalizeLesson(readFileSync(`${FIXTURES}/emoji_title.md`), {
      file: "launch-party.md",
      source: "content/sources/launch-party.md",
    });
    expect(lesson.id).toBe("launch-party");
  });

  it("a file over 1 MiB is refused before decoding", () => {
    const error = importError(new Uint8Array(1024 * 1024 + 1).fill(0x61), "huge.md");
    expect(error.reason).toMatch(/^the file is 1,048,577 bytes, over the limit of 1 MiB/);
  });
});

describe("odd but valid Markdown imports instead of crashing", () => {
  it("a bare www. address in angle brackets (GFM autolink literal pieces without a source position)", () => {
    const raw =
      "# Async Notes\n\nThis lesson explains how tasks share one event loop in Python.\n\nCopyright someone, <www.example.org>\n";
    const lesson = normalizeLesson(raw, { file: "notes.md", source: "content/sources/notes.md" });
    expect(lesson.mdx).toContain("Copyright someone, \\<www.example.org\\>");
  });
});
