import { describe, expect, it } from "vitest";
import { resultSummary } from "../../../src/search/messages";

const state = (query: string, difficulty: string[] = []) => ({ query, filters: { difficulty, keyword: [] } });

describe("resultSummary", () => {
  it("counts lessons and quotes the query", () => {
    expect(resultSummary(1, state("gather"))).toBe("1 lesson found for “gather”.");
    expect(resultSummary(3, state("gather"))).toBe("3 lessons found for “gather”.");
    expect(resultSummary(0, state("zzz"))).toBe("No lessons found for “zzz”.");
  });

  it("mentions filters, and suggests removing one when nothing matches", () => {
    expect(resultSummary(2, state("task", ["beginner"]))).toBe("2 lessons found for “task” with the selected filters.");
    expect(resultSummary(0, state("task", ["advanced"]))).toBe(
      "No lessons found for “task” with the selected filters. Try removing a filter.",
    );
  });

  it("describes a search by filters alone", () => {
    expect(resultSummary(2, state("", ["beginner"]))).toBe("2 lessons match the selected filters.");
    expect(resultSummary(0, state("", ["beginner"]))).toBe("No lessons match the selected filters.");
  });
});
