import { describe, expect, it } from "vitest";
import { overBudgets, PAGE_BUDGETS } from "../../../src/quality/budgets";
import type { PageWeight } from "../../../src/quality/page-weight";

const weigh = (page: string, js: number, css = 1000, total = 10_000): PageWeight => ({
  page,
  html: { raw: 1000, gzip: 500 },
  css: { raw: css, gzip: css / 2 },
  js: { raw: js, gzip: js / 2 },
  other: { raw: 0, gzip: 0 },
  total: { raw: total, gzip: total / 4 },
  resources: [],
});

describe("overBudgets", () => {
  it("names each budget a page goes over, with the figure and the limit", () => {
    expect(overBudgets(weigh("/lessons/x/", 6 * 1024, 21 * 1024))).toEqual([
      { name: "jsBeforeInteraction", measured: 6 * 1024, budget: PAGE_BUDGETS.jsBeforeInteraction },
      { name: "css", measured: 21 * 1024, budget: PAGE_BUDGETS.css },
    ]);
    expect(overBudgets(weigh("/lessons/x/", 1024))).toEqual([]);
  });

  it("applies a page's own exception", () => {
    expect(overBudgets(weigh("/search/", 10 * 1024))).toEqual([]);
    expect(overBudgets(weigh("/search/", 17 * 1024)).map((excess) => excess.name)).toEqual(["jsBeforeInteraction"]);
  });
});
