/**
 * The build refuses what a hostile or careless lesson author could slip in,
 * with a message naming the file, instead of publishing it, crashing or
 * hanging: symbolic links in public/ (their targets would be copied into the
 * site), a `source:` that names no raw file or points outside
 * content/sources/, lists, quotes or elements nested deep enough to overflow
 * the MDX compiler's stack,
 * a YAML alias bomb, and a lesson over the size limit. One build per check
 * site keeps this to two real builds.
 */
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

const lesson = (title: string, overrides: Record<string, unknown> = {}, body?: string) =>
  lessonFile(
    validFrontmatter({ title, source: `content/sources/${title.toLowerCase().replace(/ /g, "-")}.md`, ...overrides }),
    body,
  );

describe("the build refuses unsafe input", { timeout: 180_000 }, () => {
  it("a symbolic link in public/ (e.g. to /etc/passwd) fails the build instead of publishing its target", () => {
    build = buildFixtureSite(
      { "a-valid-lesson.mdx": lessonFile(validFrontmatter()) },
      {},
      {
        prepare: (root) => {
          symlinkSync("/etc/passwd", join(root, "public/passwd"));
          mkdirSync(join(root, "public/deep/er"), { recursive: true });
          symlinkSync("/etc", join(root, "public/deep/er/etc"));
        },
      },
    );
    expect(build.status).toBe(1);
    expect(build.output).toContain("public/ holds 2 entries the site must not publish:");
    expect(build.output).toContain(
      "public/passwd is a symbolic link to /etc/passwd; the build would publish its target",
    );
    expect(build.output).toContain("public/deep/er/etc is a symbolic link to /etc");
    expect(existsSync(join(build.root, "dist/passwd"))).toBe(false);
  });

  it("lessons with a missing or escaping source, deep lists, quotes or elements, an alias bomb or 1 MiB+ fail the build, each named", () => {
    const bomb = [
      "---",
      'title: "Alias Bomb"',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...["b", "c", "d", "e", "f", "g", "h", "i"].map((key, i) => {
        const alias = `*${"abcdefgh"[i]}`;
        return `${key}: &${key} [${Array(9).fill(alias).join(", ")}]`;
      }),
      "---",
      "",
      "Text.",
    ].join("\n");
    build = buildFixtureSite(
      {
        "a-valid-lesson.mdx": lessonFile(validFrontmatter()),
        "missing-source.mdx": lesson("Missing Source"),
        "absolute-source.mdx": lesson("Absolute Source", { source: "/etc/passwd" }),
        "escaping-source.mdx": lesson("Escaping Source", { source: "content/sources/../../etc/passwd.md" }),
        "deep-quotes.mdx": lesson("Deep Quotes", {}, `Intro.\n\n${">".repeat(5000)} deep\n`),
        "deep-lists.mdx": lesson("Deep Lists", {}, `Intro.\n\n${"- ".repeat(2000)}deep\n`),
        "deep-elements.mdx": lesson(
          "Deep Elements",
          {},
          `Intro.\n\n${"<sub>".repeat(3000)}x${"</sub>".repeat(3000)}\n`,
        ),
        "alias-bomb.mdx": bomb,
        "huge-lesson.mdx": lesson("Huge Lesson", {}, "word ".repeat(220_000)),
      },
      {},
      { missingSources: ["content/sources/missing-source.md"] },
    );
    expect(build.status).toBe(1);
    const output = build.output;
    expect(output).toContain("The lessons have 8 problems");
    expect(output).toContain(
      'content/lessons/missing-source.mdx, source: "content/sources/missing-source.md" does not exist',
    );
    expect(output).toContain(
      'content/lessons/absolute-source.mdx, source: "/etc/passwd" is not a file in content/sources/',
    );
    expect(output).toContain(
      'content/lessons/escaping-source.mdx, source: "content/sources/../../etc/passwd.md" is not a file',
    );
    expect(output).toMatch(
      /content\/lessons\/deep-quotes\.mdx:13, body: lists and block quotes are nested 5000 levels/,
    );
    expect(output).toMatch(/content\/lessons\/deep-lists\.mdx:13, body: lists and block quotes are nested 2000 levels/);
    expect(output).toMatch(/content\/lessons\/deep-elements\.mdx:13, body: HTML elements are nested 33 levels/);
    expect(output).toContain("content/lessons/alias-bomb.mdx:2, frontmatter: Excessive alias count");
    expect(output).toMatch(/content\/lessons\/huge-lesson\.mdx, file size: the file is [\d,]+ bytes, over the limit/);
    expect(output).not.toMatch(/RangeError|Maximum call stack/);
  });
});
