import { describe, expect, it } from "vitest";
import { generateLessons } from "../../../src/bench/generate";
import { editLessonText } from "../../../src/bench/site";

describe("editLessonText", () => {
  it("changes the title and adds a sentence, as an author's edit between two builds", () => {
    const [lesson] = generateLessons(1);
    const edited = editLessonText(lesson!.text, "edit 1");
    expect(edited).toContain(`title: ${lesson!.data.title} (edit 1)\n`);
    expect(edited.trimEnd().endsWith("Edited for the warm rebuild (edit 1).")).toBe(true);
    expect(editLessonText('---\ntitle: "Quoted"\n---\n', "x")).toContain('title: "Quoted (x)"');
  });

  it("refuses a lesson without a title line", () => {
    expect(() => editLessonText("---\ndescription: x\n---\n", "x")).toThrow(/no title line/);
  });
});
