/** MDX comments pass the lesson-safety check and leave no trace in the page; other expressions are still refused. */
import { mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { MDX_FEATURES } from "../../../src/markdown/features";
import { lessonSafety } from "../../../src/markdown/lesson-safety";
import { isCommentOnly } from "../../../src/markdown/mdx-comments";

/** Compiles as the build does, with the safety check first; throws its error. */
function build(value: string): string {
  const astro = {
    frontmatter: {},
    headings: [],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  const result = mdxToJs(value, { mdastPlugins: [lessonSafety], features: MDX_FEATURES, data: { astro } });
  if (result instanceof Promise) throw new Error("expected the safety check to compile synchronously");
  return result.code;
}

describe("MDX comments", () => {
  it("are removed, in blocks and in text", () => {
    const js = build("{/* note-for-editors\n- line 2 */}\n\nText {/* inline-note */} more.\n");
    expect(js).not.toContain("note-for-editors");
    expect(js).not.toContain("inline-note");
    expect(js).toContain("Text ");
  });

  it.each([
    ["{/* a */ 1}\n"],
    ["{/* a */}{1}\n"],
    ["{}\n"],
    ["{/* a */ /* b */ alert(1)}\n"],
    ["{/* } */ alert(1) /* */}\n"],
  ])("every other expression is left to the safety check: %j", (value) => {
    expect(() => build(value)).toThrow(/is a JavaScript expression to MDX/);
  });

  it("only block comments and whitespace count as comment-only", () => {
    expect(isCommentOnly(" /* a */ /* b */ ")).toBe(true);
    expect(isCommentOnly("/* a */ x")).toBe(false);
    expect(isCommentOnly("// a")).toBe(false);
    expect(isCommentOnly("/* a */ */")).toBe(false);
  });
});
