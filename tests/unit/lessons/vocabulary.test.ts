import { describe, expect, it } from "vitest";
import { lessonSchema, singularPhrase } from "../../../src/lessons/schema";
import { preferredKeyword, synonymOf, VOCABULARY, VOCABULARY_FILE } from "../../../src/lessons/vocabulary";
import { normalizeKeywords } from "../../../src/normalize/keywords";
import { validFrontmatter } from "../../support/fixture-site";

const keywordProblems = (keywords: string[]) => {
  const result = lessonSchema.safeParse(validFrontmatter({ keywords }));
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

const preferredTerms = VOCABULARY.map((term) => term.preferred);
const synonyms = VOCABULARY.flatMap(({ preferred, synonyms }) => synonyms.map((synonym) => [synonym, preferred]));

describe("the keyword vocabulary", () => {
  it("spells every term as the schema wants a keyword: lowercase, singular", () => {
    for (const term of [...preferredTerms, ...synonyms.map(([synonym]) => synonym!)]) {
      expect(keywordProblems([term]).filter((problem) => !problem.includes("synonym"))).toEqual([]);
    }
    for (const term of preferredTerms) expect(singularPhrase(term)).toBe(term);
  });

  it("gives each concept one preferred term, and each synonym one concept", () => {
    expect(new Set(preferredTerms).size).toBe(preferredTerms.length);
    const seen = new Map<string, string>();
    for (const [synonym, preferred] of synonyms) {
      expect(preferredTerms, `"${synonym}" is both a synonym and a preferred term`).not.toContain(synonym);
      expect(seen.get(synonym!), `"${synonym}" is a synonym of two terms`).toBeUndefined();
      seen.set(synonym!, preferred!);
    }
  });

  it("maps a synonym to its preferred term and leaves other keywords alone", () => {
    expect(synonymOf("exception")).toBe("error handling");
    expect(synonymOf("error handling")).toBeUndefined();
    expect(preferredKeyword("async with")).toBe("async context manager");
    expect(preferredKeyword("pattern matching")).toBe("pattern matching");
  });
});

describe("the schema enforces the vocabulary", () => {
  it.each(synonyms)('refuses the synonym "%s" and names "%s" and the vocabulary file', (synonym, preferred) => {
    expect(keywordProblems(["async", synonym!])).toEqual([
      `keywords: keyword "${synonym}" is a synonym in the vocabulary (${VOCABULARY_FILE}): use "${preferred}"`,
    ]);
  });

  it("refuses the plural of a synonym too", () => {
    expect(keywordProblems(["exceptions"])).toEqual([expect.stringMatching(/"exceptions" .*use "error handling"$/)]);
  });

  it("accepts every preferred term, and keywords outside the vocabulary", () => {
    expect(keywordProblems([...preferredTerms, "pattern matching"])).toEqual([]);
  });
});

describe("the importer writes preferred terms", () => {
  it("turns synonyms, in any case or number, into the preferred term and merges duplicates", () => {
    expect(normalizeKeywords(["Exceptions", "error handling", "Async With", "asynchronous", "coroutines"])).toEqual({
      keywords: ["error handling", "async context manager", "asynchronous programming", "coroutine"],
      rejected: [],
    });
  });
});
