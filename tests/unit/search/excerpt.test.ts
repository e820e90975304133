import { describe, expect, it } from "vitest";
import { excerptPieces } from "../../../src/search/excerpt";

describe("excerptPieces", () => {
  it("splits an excerpt into plain and highlighted text", () => {
    expect(excerptPieces("results = await <mark>asyncio.gather(</mark> task")).toEqual([
      { text: "results = await ", marked: false },
      { text: "asyncio.gather(", marked: true },
      { text: " task", marked: false },
    ]);
  });

  it("handles several matches and a match at either end", () => {
    expect(excerptPieces("<mark>event</mark> <mark>loop</mark>")).toEqual([
      { text: "event", marked: true },
      { text: " ", marked: false },
      { text: "loop", marked: true },
    ]);
  });

  it("turns Pagefind's escaping back into the page's text", () => {
    expect(excerptPieces("if a &lt; b and <mark>c</mark> &gt; d")).toEqual([
      { text: "if a < b and ", marked: false },
      { text: "c", marked: true },
      { text: " > d", marked: false },
    ]);
  });

  it("keeps any other markup as literal text, never as elements", () => {
    const pieces = excerptPieces('<img src=x onerror=alert(1)> <mark>x</mark> "><script>');
    expect(pieces).toEqual([
      { text: "<img src=x onerror=alert(1)> ", marked: false },
      { text: "x", marked: true },
      { text: ' "><script>', marked: false },
    ]);
  });

  it("returns nothing for an empty excerpt", () => {
    expect(excerptPieces("")).toEqual([]);
  });
});
