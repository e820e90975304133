/**
 * Running the lessons' Python in the browser (README, "Run the examples in
 * your browser"): every block the browser can run prints its verified output
 * (the comparison of `npm test`, src/codeblocks/compare.ts), with nothing
 * fetched from another origin; Stop ends an endless loop at once; Edit, Run
 * and Reset; loading progress and failure; no CSP violation; axe with the
 * editor and an output open; nothing of it without JavaScript.
 *
 * Which blocks must be runnable is read from the lesson sources, not from the
 * page, so a page that lost its Run buttons fails instead of testing nothing.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { outputMatches } from "../../src/codeblocks/compare";
import { chains, extractBlocks, type CodeBlock } from "../../src/codeblocks/extract";
import { browserSupport, chainSupport } from "../../src/runner/imports";
import { readLessons } from "../support/lessons";
import { block, control, printed, run, runPanel, typeCode } from "../support/run-controls";
import { BASE_PASS, site } from "../support/site-pages";

/** The blocks the browser runs, as the build decides: each block, its `continue` chain considered (chainSupport). */
function runnableBlocks(blocks: CodeBlock[]): CodeBlock[] {
  return chains(blocks).flatMap((chain) => {
    const own = chain.map((block) => browserSupport(block.code, block.settings));
    return chain.filter((_, index) => chainSupport(own[index]!, own.slice(0, index)).runnable);
  });
}

const lessons = readLessons().map((lesson) => {
  const blocks = extractBlocks(lesson.body, lesson.id);
  return { id: lesson.id, blocks, runnable: runnableBlocks(blocks) };
});

const EXAMPLE = "async-await-intro";

/** Everything the page requests, to check that none of it leaves the site's origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** CSP violations and console errors, from before the page's first script. */
async function recordProblems(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught ${error.name}: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`CSP: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sample})`),
    );
  });
  return async () => [
    ...errors,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

test("the course has blocks the browser can run, and each lesson page offers Run on exactly those", async ({
  page,
}) => {
  const total = lessons.reduce((sum, lesson) => sum + lesson.runnable.length, 0);
  expect(total).toBeGreaterThan(0);
  for (const lesson of lessons) {
    await page.goto(site.lesson(lesson.id));
    const offered = page.locator(".code-block[data-run-block]");
    await expect(offered).toHaveCount(lesson.runnable.length);
    await expect(page.locator(".code-run:visible")).toHaveCount(lesson.runnable.length);
    // The others say why, unless they are skipped (their note says so already).
    const explained = lesson.blocks.filter((each) => !lesson.runnable.includes(each) && !each.settings.skip);
    await expect(page.locator(".code-run-note")).toHaveCount(explained.length);
  }
});

for (const lesson of lessons.filter((each) => each.runnable.length > 0)) {
  test(`${lesson.id}: every runnable block prints its verified output in the browser, from this origin only`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const requests = recordRequests(page);
    const problems = await recordProblems(page);
    await page.goto(site.lesson(lesson.id));
    for (const expected of lesson.runnable) {
      const index = lesson.blocks.indexOf(expected) + 1;
      const where = `${expected.name} (example ${index})`;
      expect(await block(page, index).locator("pre").textContent(), where).toBe(expected.code);
      const panel = await run(page, index);
      await expect(panel.locator("figcaption")).toHaveText("Output of this run");
      const output = await printed(panel);
      expect(outputMatches(expected.output?.text ?? "", output), `${where} printed:\n${output}`).toBe(true);
      const raises = expected.settings.raises;
      if (raises) {
        // As the test runner judges it (src/codeblocks/run.ts): the type or a subclass, and the message.
        await expect(panel, where).toHaveAttribute("data-run-status", "error");
        const types = (await panel.getAttribute("data-error-types"))!.split(" ");
        expect(types.includes(raises.type) || types.includes(raises.type.split(".").at(-1)!), where).toBe(true);
        if (raises.message !== undefined) {
          expect(outputMatches(raises.message, (await panel.getAttribute("data-error-message"))!), where).toBe(true);
        }
        await expect(panel.locator(".run-traceback")).toContainText(raises.type.split(".").at(-1)!);
      } else {
        await expect(panel, `${where} raised:\n${await panel.textContent()}`).toHaveAttribute(
          "data-run-status",
          "done",
        );
      }
    }
    const origin = new URL(baseURL!).origin;
    // blob: URLs made by this origin (the worker starts from one: src/runner/start-worker.ts) carry its origin.
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`));
    expect(elsewhere, "requests that left the site's origin").toEqual([]);
    expect(
      requests.some((url) => url.endsWith(".wasm")),
      "the runtime came from this origin",
    ).toBe(true);
    const found = await problems();
    expect(found, found.join("\n")).toEqual([]);
  });
}

// Also under a base path (npm run test:base): the runner, its worker and the runtime are found under it.
test("loading shows its progress in megabytes, once; later runs start at once", BASE_PASS, async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(site.lesson(EXAMPLE));
  const status = block(page, 1).locator(".code-run-status");
  await status.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => seen.push(element.textContent ?? "")).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await run(page, 1);
  await expect(status).toHaveText("Finished.");
  const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  expect(
    statuses.some((text) => /^Loading Python… \d+\.\d \/ \d+\.\d MB$/.test(text)),
    statuses.join("\n"),
  ).toBe(true);
  const loaded = statuses.filter((text) => text.startsWith("Loading"));
  // The last progress message is the whole runtime.
  expect(loaded.at(-1)).toMatch(/… (\d+\.\d) \/ \1 MB$/);
  await page.evaluate(() => ((window as unknown as { statuses: string[] }).statuses.length = 0));
  await run(page, 2);
  const again = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  expect(again.filter((text) => text.startsWith("Loading"))).toEqual([]);
});

test("Stop ends an endless loop within a second, and the next Run starts a fresh Python", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(site.lesson(EXAMPLE));
  const wrapper = block(page, 1);
  await control(wrapper, "edit").click();
  await typeCode(page, 1, 'print("looping", flush=True)\nwhile True: pass');
  await control(wrapper, "run").click();
  const panel = runPanel(page, 1);
  await expect(panel.locator(".run-stdout")).toHaveText("looping\n", { timeout: 60_000 });
  await expect(panel).toHaveAttribute("data-run-status", "running");
  // Timed in the page, from the click to the panel saying "stopped": the test's own round trips to the browser
  // would count a busy machine's delays.
  const stoppedAfter = await panel.evaluate(
    (figure, button) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const check = () =>
          figure.getAttribute("data-run-status") === "stopped"
            ? resolve(performance.now() - started)
            : requestAnimationFrame(check);
        (button as HTMLButtonElement).click();
        check();
      }),
    await control(wrapper, "stop").elementHandle(),
  );
  expect(stoppedAfter).toBeLessThan(1_000);
  await expect(control(wrapper, "run")).toBeVisible();
  await expect(wrapper.locator(".code-run-status")).toHaveText("Stopped.");
  // A fresh worker: the loop is gone, the edited code runs again from the start.
  await typeCode(page, 1, 'print("after stop")');
  const again = await run(page, 1);
  await expect(again).toHaveAttribute("data-run-status", "done");
  expect(await printed(again)).toBe("after stop\n");
});

/** Presses Run in the page and resolves with the milliseconds until the run ended, measured in the page. */
function timedRun(page: Page, index: number): Promise<number> {
  return page.evaluate(
    (index) =>
      new Promise<number>((resolve) => {
        const root = document.querySelector(`[data-run-block="${index}"]`)!;
        const ended = `figure:has(#run-output-label-${index}):is([data-run-status=done], [data-run-status=error])`;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(ended)) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { attributes: true, subtree: true });
        root.querySelector<HTMLButtonElement>("[data-run-action=run]")!.click();
      }),
    index,
  );
}

test("Play in real time makes sleeps wait; the default virtual clock does not", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(site.lesson(EXAMPLE));
  const wrapper = block(page, 1);
  await expect(wrapper).toHaveAttribute("data-run-clock", "virtual");
  await control(wrapper, "edit").click();
  await typeCode(
    page,
    1,
    'import asyncio\nasync def main():\n    await asyncio.sleep(5)\n    print("slept")\nasyncio.run(main())',
  );
  await run(page, 1); // loads Python
  expect(await printed(runPanel(page, 1))).toBe("slept\n");
  // Both timed in the page. The virtual run has no wait, but a busy test machine can still slow it down.
  expect(await timedRun(page, 1)).toBeLessThan(3_000);
  await wrapper.getByLabel("Play in real time").check();
  expect(await timedRun(page, 1)).toBeGreaterThanOrEqual(5_000);
  expect(await printed(runPanel(page, 1))).toBe("slept\n");
});

test("Edit + Run shows the reader's output as theirs, tracebacks count the editor's lines, Reset restores the listing", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(site.lesson(EXAMPLE));
  const wrapper = block(page, 1);
  const listing = wrapper.locator("pre");
  const original = await listing.textContent();
  await control(wrapper, "edit").click();
  await expect(listing).toBeHidden();
  await expect(wrapper.locator(".run-editor .cm-content")).toBeFocused();
  await expect(control(wrapper, "reset")).toBeVisible();
  await typeCode(page, 1, 'print("edited output")');
  let panel = await run(page, 1);
  await expect(panel.locator("figcaption")).toHaveText("Your output");
  expect(await printed(panel)).toBe("edited output\n");

  // An exception: its traceback is shown, set apart, with the line number the editor shows.
  await typeCode(page, 1, 'x = 1\nraise ValueError("bad input")');
  panel = await run(page, 1);
  await expect(panel).toHaveAttribute("data-run-status", "error");
  await expect(panel.locator(".run-traceback")).toContainText("line 2");
  await expect(panel.locator(".run-traceback")).toContainText("ValueError: bad input");
  await expect(wrapper.locator(".code-run-status")).toHaveText("Finished with an exception: ValueError: bad input");

  // Ctrl+Enter in the editor runs too.
  await typeCode(page, 1, 'print("from the keyboard")');
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(panel).toHaveAttribute("data-run-status", "done");
  expect(await printed(panel)).toBe("from the keyboard\n");

  await control(wrapper, "reset").click();
  await expect(listing).toBeVisible();
  expect(await listing.textContent()).toBe(original);
  await expect(wrapper.locator(".run-editor")).toHaveCount(0);
  await expect(control(wrapper, "edit")).toBeFocused();
  panel = await run(page, 1);
  await expect(panel.locator("figcaption")).toHaveText("Output of this run");
  const verified = lessons.find((lesson) => lesson.id === EXAMPLE)!.blocks[0]!.output!.text;
  expect(outputMatches(verified, await printed(panel))).toBe(true);
});

test("a continue block runs after its chain's earlier code, edited or not", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(site.lesson(EXAMPLE));
  const chained = page.locator(".code-block[data-run-chain]").first();
  const index = Number(await chained.getAttribute("data-run-block"));
  const start = Number(await chained.getAttribute("data-run-chain"));
  expect(start).toBeLessThan(index);
  // Redefine everything the continue block uses to print instead: its run shows the edit of the earlier block.
  await control(block(page, start), "edit").click();
  await typeCode(
    page,
    start,
    'import builtins\n_print = print\nbuiltins.print = lambda *a, **k: _print("changed:", *a, **k)',
  );
  const panel = await run(page, index);
  await expect(panel.locator("figcaption")).toHaveText("Your output");
  const output = await printed(panel);
  expect(
    output
      .split("\n")
      .filter(Boolean)
      .every((line) => line.startsWith("changed:")),
    output,
  ).toBe(true);

  // When the earlier code raises, the continue block does not run, and the page shows why.
  await typeCode(page, start, 'raise RuntimeError("broken setup")');
  const failed = await run(page, index);
  await expect(failed).toHaveAttribute("data-run-status", "error");
  await expect(failed.locator(".run-traceback")).toContainText("RuntimeError: broken setup");
  await expect(block(page, index).locator(".code-run-status")).toHaveText(
    "The earlier code that this example continues raised an exception, so it did not run.",
  );
});

for (const [what, pattern] of [
  ["the runtime's loader", "**/pyodide.mjs"],
  ["the runtime's WebAssembly", "**/*.wasm"],
  ["the worker", "**/worker.js"],
]) {
  test(`when ${what} cannot be loaded, the block says so, and Run tries again`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.route(pattern, (route) => route.abort());
    await page.goto(site.lesson(EXAMPLE));
    const wrapper = block(page, 1);
    const panel = await run(page, 1);
    await expect(panel).toHaveAttribute("data-run-status", "failed");
    await expect(wrapper.locator(".code-run-status")).toContainText("Python could not be loaded");
    await expect(control(wrapper, "run")).toBeVisible();
    await page.unroute(pattern);
    const again = await run(page, 1);
    await expect(again).toHaveAttribute("data-run-status", "done");
  });
}

test("without JavaScript no run control shows; the reason a block cannot run does", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const lesson of lessons) {
    await page.goto(site.lesson(lesson.id));
    await expect(page.locator(".code-run:visible, .run-button:visible")).toHaveCount(0);
  }
  await page.goto(site.lesson("python-async-functions"));
  await expect(page.locator(".code-run-note")).toContainText("Runs on your machine only:");
  await context.close();
});

const MODES = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "dark", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
  { name: "375 px phone", colorScheme: "light", viewport: { width: 375, height: 740 } },
] as const;

for (const mode of MODES) {
  test(`${mode.name}: axe finds no violation with an editor and an output open, and nothing overflows`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme: mode.colorScheme, viewport: mode.viewport });
    const page = await context.newPage();
    const problems = await recordProblems(page);
    await page.goto(site.lesson(EXAMPLE));
    await control(block(page, 1), "edit").click();
    await typeCode(page, 1, 'import sys\nprint("to stdout " * 20)\nprint("to stderr", file=sys.stderr)\n1 / 0');
    await run(page, 1);
    await run(page, 2);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const found = results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${node.target.join(" ")}`),
    );
    expect(found, found.join("\n")).toEqual([]);
    // Only scrollable listings, editors and outputs may be wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const seen = await problems();
    expect(seen, seen.join("\n")).toEqual([]);
    await context.close();
  });
}
