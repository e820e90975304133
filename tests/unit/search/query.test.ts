import { describe, expect, it } from "vitest";
import {
  MAX_QUERY_LENGTH,
  exceedsMaxLength,
  normalizeQuery,
  pagefindFilter,
  paramsFromState,
  planSearch,
  stateFromParams,
  type SearchState,
} from "../../../src/search/query";

const state = (query: string, difficulty: string[] = [], keyword: string[] = []): SearchState => ({
  query,
  filters: { difficulty, keyword },
});

describe("normalizeQuery", () => {
  it("trims and collapses whitespace", () => {
    expect(normalizeQuery("  event \n\t loop ")).toBe("event loop");
  });

  it(`keeps at most ${MAX_QUERY_LENGTH} characters`, () => {
    const long = "gather ".repeat(200);
    const normalized = normalizeQuery(long);
    expect(Array.from(normalized).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(long.startsWith(normalized)).toBe(true);
    expect(exceedsMaxLength(long)).toBe(true);
    expect(exceedsMaxLength("gather")).toBe(false);
  });

  it("never cuts a character in half", () => {
    const emoji = "🐍".repeat(MAX_QUERY_LENGTH + 5);
    expect(normalizeQuery(emoji)).toBe("🐍".repeat(MAX_QUERY_LENGTH));
  });

  it("leaves markup as plain text for the UI to show literally", () => {
    expect(normalizeQuery('"><script>alert(1)</script>')).toBe('"><script>alert(1)</script>');
  });
});

describe("the address bar", () => {
  it("reads the query and repeated facet parameters", () => {
    const parsed = stateFromParams(
      new URLSearchParams("q=event+loop&difficulty=beginner&keyword=asyncio&keyword=task&keyword=asyncio&keyword="),
    );
    expect(parsed).toEqual(state("event loop", ["beginner"], ["asyncio", "task"]));
  });

  it("treats a missing query as empty", () => {
    expect(stateFromParams(new URLSearchParams("difficulty=advanced"))).toEqual(state("", ["advanced"]));
  });

  it("writes only what is set, and reads back what it wrote", () => {
    const original = state("i/o-bound & more", ["beginner", "advanced"], ["event loop"]);
    const params = paramsFromState(original);
    expect(params.toString()).toBe("q=i%2Fo-bound+%26+more&difficulty=beginner&difficulty=advanced&keyword=event+loop");
    expect(stateFromParams(new URLSearchParams(params.toString()))).toEqual(original);
    expect(paramsFromState(state("")).toString()).toBe("");
  });
});

describe("planSearch", () => {
  it("does nothing for an empty query without filters", () => {
    expect(planSearch(state(""))).toEqual({ kind: "empty" });
  });

  it("asks for more than one character", () => {
    expect(planSearch(state("a"))).toEqual({ kind: "too-short" });
    expect(planSearch(state("a", ["beginner"]))).toEqual({ kind: "too-short" });
  });

  it("searches for two characters or more", () => {
    expect(planSearch(state("io"))).toEqual({ kind: "search", term: "io", filters: {} });
  });

  it("lists every lesson that passes the filters when there are no words", () => {
    expect(planSearch(state("", [], ["gather"]))).toEqual({
      kind: "search",
      term: null,
      filters: { keyword: { any: ["gather"] } },
    });
  });
});

describe("pagefindFilter", () => {
  it("combines values of one facet with OR and facets with AND", () => {
    expect(pagefindFilter(state("x", ["beginner", "advanced"], ["task"]))).toEqual({
      difficulty: { any: ["beginner", "advanced"] },
      keyword: { any: ["task"] },
    });
  });

  it("leaves out a facet on request", () => {
    expect(pagefindFilter(state("x", ["beginner"], ["task"]), "keyword")).toEqual({
      difficulty: { any: ["beginner"] },
    });
  });
});
