/** MDX comments pass the lesson-safety check and leave no trace in the page; other expressions are still refused. */
import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { remarkLessonSafety } from "../../../src/markdown/remark-lesson-safety";
import { remarkMdxComments } from "../../../src/markdown/remark-mdx-comments";

const build = (value: string) =>
  compile({ value, path: "lesson.mdx" }, { remarkPlugins: [remarkMdxComments, remarkLessonSafety] }).then(String);

describe("remarkMdxComments", () => {
  it("removes comment-only expressions, in blocks and in text", async () => {
    const js = await build("{/* note-for-editors\n- line 2 */}\n\nText {/* inline-note */} more.\n");
    expect(js).not.toContain("note-for-editors");
    expect(js).not.toContain("inline-note");
    expect(js).toContain("Text ");
  });

  it.each([["{/* a */ 1}\n"], ["{/* a */}{1}\n"], ["{}\n"], ["{/* a */ /* b */ alert(1)}\n"]])(
    "leaves every other expression to the safety check: %j",
    async (value) => {
      await expect(build(value)).rejects.toThrow(/is a JavaScript expression to MDX/);
    },
  );
});
