/**
 * The Run/Edit controls of a built lesson page, for browser tests
 * (tests/e2e/run-in-browser.spec.ts, run-sandbox.spec.ts).
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** The wrapper of the page's n-th Python block (1-based, as the build numbers them). */
export const block = (page: Page, index: number) => page.locator(`.code-block[data-run-block="${index}"]`);
export const control = (wrapper: Locator, action: string) => wrapper.locator(`[data-run-action="${action}"]`);
/** The output panel of a run: the figure after the block (and after its verified output). */
export const runPanel = (page: Page, index: number) =>
  page.locator(`figure.run-output:has(#run-output-label-${index})`);

/** Presses Run and waits for the run to end; returns the panel. */
export async function run(page: Page, index: number, timeout = 60_000): Promise<Locator> {
  await control(block(page, index), "run").click();
  const panel = runPanel(page, index);
  await expect(panel).toHaveAttribute("data-run-status", /^(done|error|stopped|failed)$/, { timeout });
  return panel;
}

/** What the run printed, stdout and stderr interleaved as `npm test` captures them, without the final traceback. */
export const printed = (panel: Locator) =>
  panel.evaluate((figure) =>
    [...figure.querySelectorAll(".run-stdout, .run-stderr")].map((span) => span.textContent).join(""),
  );

/** Replaces the code in the open editor. */
export async function typeCode(page: Page, index: number, code: string): Promise<void> {
  const editor = block(page, index).locator(".run-editor .cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect(editor).toHaveText(code.split("\n").join(""));
}
