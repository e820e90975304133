/**
 * What running a lesson's Python in the browser costs a reader (README, "Run
 * the examples in your browser"): a real Chromium opens a lesson page of the
 * built site, presses Run on its first block that prints, and counts the
 * bytes fetched from the click to the end of that run, and the time from the
 * click to the first output: cold (empty browser cache), cached (a new page,
 * the runtime in the browser's cache, a new worker) and warm (the same page
 * again: the worker and its runtime are loaded). Also the room the runtime
 * and the runner take in dist/.
 */
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chromiumArgs, ensureChromium } from "../tooling/chromium";
import { serveDirectory } from "../tooling/static-server";
import { addressBook, PYTHON_DIR } from "../site/urls";
import { folderBytes } from "./site";

/** The benchmark builds its sites at the root. */
const urls = addressBook("/");

export interface RunCost {
  lesson: string;
  /** The block's place among the page's Python blocks. */
  block: number;
  /** From the click to the end of the first run: requests, bytes as served, and gzipped as a compressing host sends them. */
  requests: number;
  bytes: number;
  gzipBytes: number;
  /** Click to first output, in seconds. */
  cold: number;
  cached: number;
  warm: number;
  /** dist/python/: the runtime and the runner bundles. */
  distBytes: number;
  distFiles: number;
}

/** Clicks Run on the block in the page and resolves with the seconds until its first output; then waits for the run's end. */
async function clickToFirstOutput(page: Page, block: number): Promise<number> {
  const ms = await page.evaluate(
    (index) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector(`[data-run-block="${index}"]`)!;
        const button = root.querySelector<HTMLButtonElement>('[data-run-action="run"]')!;
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const selector = `figure:has(#run-output-label-${index}) :is(.run-stdout, .run-stderr)`;
        const start = performance.now();
        const failed = `figure[data-run-status=failed]:has(#run-output-label-${index})`;
        const observer = new MutationObserver(() => {
          if (document.querySelector(failed))
            reject(new Error(root.querySelector(".code-run-status")?.textContent ?? ""));
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
    block,
  );
  await page
    .locator(`figure.run-output:has(#run-output-label-${block}):not([data-run-status=running])`)
    .waitFor({ timeout: 120_000 });
  return ms / 1000;
}

/**
 * Measures the run of the first runnable block that has an output, on the first of `lessons` (ids, tried in
 * the order given) that has one, on the site in `dist`.
 */
export async function measureRun(dist: string, lessons: readonly string[]): Promise<RunCost> {
  const server = await serveDirectory(dist, 0);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs() });
  try {
    let context = await browser.newContext();
    let page = await context.newPage();
    let lesson: string | undefined;
    let block = 0;
    for (const id of lessons) {
      await page.goto(`${server.url}${urls.lesson(id)}`);
      // The first runnable block whose verified output panel follows it.
      block = await page.evaluate(() => {
        const roots = [...document.querySelectorAll<HTMLElement>("[data-run-block]")];
        const printing = roots.find((root) => root.nextElementSibling?.matches(".code-output"));
        return Number(printing?.dataset.runBlock ?? 0);
      });
      if (block) {
        lesson = id;
        break;
      }
    }
    if (!lesson) throw new Error("no lesson page has a block the browser can run, with an output");
    // Cold: a fresh context, so nothing of the runtime is in the browser's cache.
    await context.close();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${server.url}${urls.lesson(lesson)}`);
    await page.waitForLoadState("networkidle");

    const fetched: Promise<{ bytes: number; gzip: number }>[] = [];
    page.on("response", (response) =>
      fetched.push(
        response.body().then(
          (body) => ({ bytes: body.length, gzip: gzipSync(body).length }),
          () => ({ bytes: 0, gzip: 0 }),
        ),
      ),
    );
    const cold = await clickToFirstOutput(page, block);
    const sizes = await Promise.all(fetched);
    const warm = await clickToFirstOutput(page, block);

    const second = await context.newPage();
    await second.goto(`${server.url}${urls.lesson(lesson)}`);
    await second.waitForLoadState("networkidle");
    const cached = await clickToFirstOutput(second, block);

    const dir = folderBytes(join(dist, PYTHON_DIR));
    return {
      lesson,
      block,
      requests: sizes.length,
      bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
      gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
      cold,
      cached,
      warm,
      distBytes: dir.bytes,
      distFiles: dir.files,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
