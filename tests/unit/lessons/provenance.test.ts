import { describe, expect, it } from "vitest";
import { EditSectionError, shownEditNotes } from "../../../src/lessons/provenance";

const headings = [
  { depth: 2, slug: "basic-example", text: "Basic example" },
  { depth: 2, slug: "error-handling", text: "Error handling" },
];

describe("shownEditNotes", () => {
  it("keeps the notes in order and gives a section note its heading's text", () => {
    expect(
      shownEditNotes(
        "content/lessons/x.mdx",
        [
          { change: "Title changed.", why: "Two titles were alike." },
          { change: "Threading dropped.", why: "The GIL.", section: "error-handling" },
        ],
        headings,
      ),
    ).toEqual([
      { change: "Title changed.", why: "Two titles were alike." },
      { change: "Threading dropped.", why: "The GIL.", section: { slug: "error-handling", text: "Error handling" } },
    ]);
  });

  it("fails for a section that is no heading of the lesson, naming the file, the note and the headings there are", () => {
    const shown = () =>
      shownEditNotes("content/lessons/x.mdx", [{ change: "a.", why: "b.", section: "error-handlin" }], headings);
    expect(shown).toThrow(EditSectionError);
    expect(shown).toThrow(
      'content/lessons/x.mdx, edits[0].section: "error-handlin" is not the id of a heading in this lesson; ' +
        "use one of: basic-example, error-handling, or leave section out.",
    );
  });
});
