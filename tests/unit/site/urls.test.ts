import { describe, expect, it } from "vitest";
import { addressBook, normalizeBase } from "../../../src/site/urls";
import { lessonCount, lessonNoun } from "../../../src/site/names";

describe("normalizeBase", () => {
  it("makes a folder with a leading and a trailing slash", () => {
    expect(normalizeBase("/")).toBe("/");
    expect(normalizeBase("")).toBe("/");
    expect(normalizeBase("/course")).toBe("/course/");
    expect(normalizeBase("course/")).toBe("/course/");
    expect(normalizeBase("/a/b/")).toBe("/a/b/");
  });
});

describe("addressBook", () => {
  for (const [base, home] of [
    ["/", "/"],
    ["/course/", "/course/"],
    ["/course", "/course/"],
  ] as const) {
    it(`builds every address under the base ${JSON.stringify(base)}`, () => {
      const urls = addressBook(base);
      expect(urls.home).toBe(home);
      expect(urls.lesson("async-intro")).toBe(`${home}lessons/async-intro/`);
      expect(urls.keywords).toBe(`${home}keywords/`);
      expect(urls.keyword("i-o-bound")).toBe(`${home}keywords/i-o-bound/`);
      expect(urls.path).toBe(`${home}path/`);
      expect(urls.source("content/sources/async-intro.md")).toBe(`${home}sources/async-intro.md`);
      expect(urls.source("content/sources/a b#1.md")).toBe(`${home}sources/a%20b%231.md`);
      expect(urls.search()).toBe(`${home}search/`);
      expect(urls.search(new URLSearchParams())).toBe(`${home}search/`);
      expect(urls.search(new URLSearchParams([["q", "event loop"]]))).toBe(`${home}search/?q=event+loop`);
      expect(urls.pagefind).toBe(`${home}pagefind/pagefind.js`);
      expect(urls.searchUi).toBe(`${home}search-ui.js`);
      expect(urls.searchUiDev).toBe(`${home}src/search/ui.ts`);
      expect(urls.favicon).toBe(`${home}favicon.svg`);
      expect(urls.page("/lessons/x/")).toBe(`${home}lessons/x/`);
    });
  }

  it("maps an address under the base back to a path from the site root, and nothing else", () => {
    const urls = addressBook("/course/");
    expect(urls.sitePath("/course/lessons/x/")).toBe("/lessons/x/");
    expect(urls.sitePath("/course/")).toBe("/");
    expect(urls.sitePath("/course")).toBe("/");
    expect(urls.sitePath("/lessons/x/")).toBeNull();
    expect(urls.sitePath("/courses/")).toBeNull();
    expect(addressBook("/").sitePath("/lessons/x/")).toBe("/lessons/x/");
  });
});

describe("lessonCount", () => {
  it("says 1 lesson, and N lessons otherwise", () => {
    expect(lessonCount(1)).toBe("1 lesson");
    expect(lessonCount(0)).toBe("0 lessons");
    expect(lessonCount(12)).toBe("12 lessons");
    expect(lessonNoun(1)).toBe("lesson");
    expect(lessonNoun(2)).toBe("lessons");
  });
});
