/**
 * Byte budgets for every built page: the one place they are written.
 * tests/e2e/budgets.spec.ts fails when a page goes over one, and `npm run
 * bench` prints each page beside them. Why these numbers: README, "Budgets".
 */
import type { PageWeight } from "./page-weight";

export const PAGE_BUDGETS = {
  /** Scripts run before the reader interacts (raw bytes): the inline search loader, progress and code buttons. */
  jsBeforeInteraction: 5 * 1024,
  /** Stylesheets, linked and inline (raw bytes): the one site stylesheet plus a page's own styles. */
  css: 20 * 1024,
  /** Everything the page loads before interaction, gzipped as a static host sends it. */
  totalGzip: 40 * 1024,
  /** The same, uncompressed: what the phone must parse and hold. */
  totalRaw: 160 * 1024,
} as const;

export type BudgetName = keyof typeof PAGE_BUDGETS;

/** Pages allowed more than PAGE_BUDGETS, and why. */
export const PAGE_BUDGET_EXCEPTIONS: Record<string, Partial<Record<BudgetName, number>>> = {
  // Search is what a reader opens this page for, so it loads the search UI (about 7 KiB) at once.
  "/search/": { jsBeforeInteraction: 16 * 1024 },
  // The learning path lists every lesson twice (a box in the picture, an item in the list): about 1 KiB raw per
  // lesson. Sized for a course of 1,000 lessons; `npm run bench` weighs it at the generated sizes.
  "/path/": { totalRaw: 1280 * 1024, totalGzip: 160 * 1024 },
};

/** The budgets of one page (a site path such as /search/). */
export function budgetsFor(page: string): Record<BudgetName, number> {
  return { ...PAGE_BUDGETS, ...PAGE_BUDGET_EXCEPTIONS[page] };
}

export interface BudgetExcess {
  name: BudgetName;
  measured: number;
  budget: number;
}

/** The budgets a weighed page goes over (none when it is within all of them). */
export function overBudgets(weight: PageWeight): BudgetExcess[] {
  const measured: Record<BudgetName, number> = {
    jsBeforeInteraction: weight.js.raw,
    css: weight.css.raw,
    totalGzip: weight.total.gzip,
    totalRaw: weight.total.raw,
  };
  return Object.entries(budgetsFor(weight.page))
    .map(([name, budget]) => ({ name: name as BudgetName, measured: measured[name as BudgetName], budget }))
    .filter((excess) => excess.measured > excess.budget);
}
