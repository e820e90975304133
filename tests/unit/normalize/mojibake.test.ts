import { describe, expect, it } from "vitest";
import { decodeSource } from "../../../src/normalize/decode";
import { repairMojibake } from "../../../src/normalize/mojibake";

/** What a UTF-8 string looks like after being read as Windows-1252. */
function garble(text: string): string {
  return new TextDecoder("windows-1252").decode(new TextEncoder().encode(text));
}

describe("repairMojibake", () => {
  it.each([
    ["â€“", "–"],
    ["â€”", "—"],
    ["â€™", "’"],
    ["â€œquotedâ€\u009d", "“quoted”"],
    // The 0x9D of "”" has no Windows-1252 character and is often lost.
    ["â€œquotedâ€ b", "“quoted” b"],
    ["ðŸ”—", "🔗"],
    ["Ã©tÃ©", "été"],
  ])("%s -> %s", (garbled, repaired) => {
    expect(repairMojibake(`a ${garbled} b`).text).toBe(`a ${repaired} b`);
  });

  it("repairs any UTF-8 text read as Windows-1252, not only a list of known strings", () => {
    const original = "Grüße – „Ωμέγα“ → 😀 ✓";
    expect(garble(original)).not.toBe(original);
    expect(repairMojibake(garble(original)).text).toBe(original);
  });

  it("repairs text that went through the wrong encoding twice", () => {
    expect(repairMojibake(garble(garble("it’s"))).text).toBe("it’s");
  });

  it("leaves correct text alone", () => {
    const correct = "café, naïve, It’s “quoted” – fine… 🔗 ½";
    expect(repairMojibake(correct)).toEqual({ text: correct, repairs: [] });
  });

  it("reports each repair with its line", () => {
    const { repairs } = repairMojibake("ok\nbad â€“ dash\nand ðŸ”—\n");
    expect(repairs).toEqual([
      { from: "â€“", to: "–", line: 2 },
      { from: "ðŸ”—", to: "🔗", line: 3 },
    ]);
  });
});

describe("decodeSource", () => {
  it("drops a byte order mark and converts CRLF line endings", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("# T\r\n\r\nText\r\n")]);
    const { text, notes } = decodeSource(bytes, "crlf.md");
    expect(text).toBe("# T\n\nText\n");
    expect(notes.map((note) => note.message)).toEqual(["converted CR/CRLF line endings to LF"]);
  });
});
