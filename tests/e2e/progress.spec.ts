/**
 * Learner progress (README, "Your progress"): kept in localStorage, shown on
 * the home page, lesson pages, the learning path and keyword pages, moved
 * between browsers as a file; pages without JavaScript or storage read as before.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { keywordSlug } from "../../src/graph/keywords";
import { courseOrder, siteRequirements } from "../support/course-path";
import { readLessons, type LessonFile } from "../support/lessons";
import { walkFocus } from "../support/focus";
import { BASE_PASS, site, SITE_BASE } from "../support/site-pages";

const KEY = `lesson-progress:${SITE_BASE}`;
const lessons = courseOrder(readLessons());
const [first, second] = lessons;
/** The last lesson with on-site prerequisites: the prerequisite tests open it. */
const dependent = lessons.findLast((lesson) => siteRequirements(lesson).length > 0)!;
const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));

/** Writes a stored record as the site does: lesson id -> digest. */
async function store(page: Page, completed: Record<string, string>): Promise<void> {
  await page.goto(site.home);
  await page.evaluate(([key, record]) => localStorage.setItem(key, record), [
    KEY,
    JSON.stringify({ format: "lesson-progress", version: 1, completed }),
  ] as const);
}

/** The digest a lesson page gives the lesson now. */
async function digestOf(page: Page, lesson: LessonFile): Promise<string> {
  await page.goto(site.lesson(lesson.id));
  return (await page.getByRole("button", { name: "Mark as complete" }).getAttribute("data-digest"))!;
}

/** The course card of a lesson on the home page or a keyword page. */
const card = (page: Page, lesson: LessonFile) => page.locator(`article[data-lesson-id="${lesson.id}"]`);

// Each test visits several pages; on a busy shared machine that takes a while.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
  expect(lessons.length, "the course needs two lessons for these tests").toBeGreaterThanOrEqual(2);
  expect(dependent, "some lesson needs an on-site prerequisite for these tests").toBeDefined();
});

test(
  "a lesson marked as complete stays marked after a reload, on the home page, the learning path and its keyword page",
  BASE_PASS,
  async ({ page }) => {
    await page.goto(site.lesson(first!.id));
    const toggle = page.getByRole("button", { name: "Mark as complete" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");

    await page.goto(site.home);
    await expect(card(page, first!).getByText("Completed", { exact: true })).toBeVisible();
    await expect(card(page, second!).getByText("Completed", { exact: true })).toBeHidden();
    await expect(page.getByText(`1 of ${lessons.length} lessons completed`)).toBeVisible();

    await page.goto(site.path);
    const box = page.locator(`svg.graph a[data-lesson-id="${first!.id}"]`);
    await expect(box).toHaveAccessibleName(/, completed$/);
    await expect(page.locator(`svg.graph a[data-lesson-id="${second!.id}"]`)).not.toHaveAccessibleName(/completed/);
    const strokeOf = (id: string) =>
      page.locator(`svg.graph a[data-lesson-id="${id}"] rect`).evaluate((rect) => getComputedStyle(rect).strokeWidth);
    expect(await strokeOf(first!.id)).not.toBe(await strokeOf(second!.id));
    const listItem = (id: string) => page.locator(`.path-list > li[data-lesson-id="${id}"] > a`).first();
    const after = (id: string) => listItem(id).evaluate((link) => getComputedStyle(link, "::after").content);
    expect(await after(first!.id)).toContain("completed");
    expect(await after(second!.id)).not.toContain("completed");

    await page.goto(site.keyword(keywordSlug(first!.data.keywords[0]!)));
    await expect(card(page, first!).getByText("Completed", { exact: true })).toBeVisible();

    // Pressed again, the lesson is no longer complete.
    await page.goto(site.lesson(first!.id));
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await page.goto(site.home);
    await expect(card(page, first!).getByText("Completed", { exact: true })).toBeHidden();
    await expect(page.getByText(`0 of ${lessons.length} lessons completed`)).toBeVisible();
  },
);

test(
  "“Continue with” names the first lesson in reading order not completed, whose prerequisites are",
  BASE_PASS,
  async ({ page }) => {
    const continueLink = page.getByRole("link", { name: /^Continue with: / });
    const digests = new Map<string, string>();
    for (const lesson of lessons) digests.set(lesson.id, await digestOf(page, lesson));
    /** Stores these lessons as completed, reloads the home page and checks the link against the rule. */
    const check = async (...done: LessonFile[]) => {
      await store(page, Object.fromEntries(done.map((lesson) => [lesson.id, digests.get(lesson.id)!])));
      await page.reload();
      const ids = new Set(done.map((lesson) => lesson.id));
      const next = lessons.find((lesson) => !ids.has(lesson.id) && siteRequirements(lesson).every((id) => ids.has(id)));
      if (!next) return expect(continueLink).toBeHidden();
      await expect(continueLink).toHaveAccessibleName(`Continue with: ${next.data.title}`);
      await expect(continueLink).toHaveAttribute("href", site.lesson(next.id));
      await continueLink.click();
      await expect(page).toHaveURL(site.lesson(next.id));
      await page.goBack();
      return next;
    };

    // A new learner starts at the first lesson; after it comes the next in reading order.
    expect(await check()).toBe(first);
    expect(await check(first!)).toBe(second);
    // A lesson done out of order does not skip the prerequisite it was read without.
    expect(await check(dependent)).toBe(first);
    expect(await check(first!, dependent)).not.toBe(dependent);
    // Everything done: nothing left to continue with.
    await check(...lessons);
    await expect(page.getByText(`${lessons.length} of ${lessons.length} lessons completed`)).toBeVisible();
  },
);

test("“Before you start” says which prerequisites are not completed, and the note goes once they are", async ({
  page,
}) => {
  const needs = siteRequirements(dependent).map((id) => byId.get(id)!);
  await store(page, {});
  await page.goto(site.lesson(dependent.id));
  const before = page.locator("section.prerequisites");
  const note = before.locator("[data-progress=missing]");
  await expect(note).toBeVisible();
  await expect(note).toContainText("You have not completed:");
  for (const lesson of needs) {
    await expect(note.getByRole("link", { name: lesson.data.title })).toHaveAttribute("href", site.lesson(lesson.id));
    await expect(before.locator(`li[data-lesson-id="${lesson.id}"]`).first().getByText("Not completed")).toBeVisible();
  }

  const digests: Record<string, string> = {};
  for (const lesson of needs) digests[lesson.id] = await digestOf(page, lesson);
  await store(page, digests);
  await page.goto(site.lesson(dependent.id));
  await expect(note).toBeHidden();
  for (const lesson of needs) {
    await expect(
      before.locator(`li[data-lesson-id="${lesson.id}"]`).first().getByText("Completed", { exact: true }),
    ).toBeVisible();
  }
});

test("a lesson changed since it was completed says so, until it is marked again", async ({ page }) => {
  await store(page, { [first!.id]: "digest-of-an-older-version" });
  await page.goto(site.lesson(first!.id));
  const updated = page.getByText("Updated since you completed it");
  const toggle = page.getByRole("button", { name: "Mark as complete" });
  await expect(updated).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(updated).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(updated).toBeHidden();
});

test(
  "progress exported to a file and imported in a fresh browser comes back; a bad file is refused with a reason",
  BASE_PASS,
  async ({ page, browser }, testInfo) => {
    const digests = { [first!.id]: await digestOf(page, first!), [second!.id]: await digestOf(page, second!) };
    await store(page, digests);
    await page.goto(site.home);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export progress" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("lesson-progress.json");
    const file = testInfo.outputPath("progress.json");
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      format: "lesson-progress",
      version: 1,
      completed: digests,
    });

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(site.home);
    await expect(other.getByText(`0 of ${lessons.length} lessons completed`)).toBeVisible();

    const upload = other.getByLabel("Import progress");
    await upload.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
    await expect(other.getByRole("status").filter({ hasText: "Nothing imported" })).toContainText(
      "notes.json is not JSON",
    );
    await upload.setInputFiles({
      name: "other.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ format: "lesson-progress", version: 1, completed: { "Not An Id": "x" } })),
    });
    await expect(other.getByRole("status").filter({ hasText: "Nothing imported" })).toContainText(
      '"Not An Id" in "completed" is not a lesson id',
    );
    await expect(other.getByText(`0 of ${lessons.length} lessons completed`)).toBeVisible();

    await upload.setInputFiles(file);
    await expect(other.getByRole("status").filter({ hasText: "Imported" })).toContainText("2 completed lessons");
    await expect(other.getByText(`2 of ${lessons.length} lessons completed`)).toBeVisible();
    await expect(card(other, second!).getByText("Completed", { exact: true })).toBeVisible();
    await other.goto(site.lesson(second!.id));
    await expect(other.getByRole("button", { name: "Mark as complete" })).toHaveAttribute("aria-pressed", "true");
    await expect(other.getByText("Updated since you completed it")).toBeHidden();
    await fresh.close();
  },
);

test("reset forgets every completed lesson, once confirmed", async ({ page }) => {
  await store(page, { [first!.id]: await digestOf(page, first!) });
  await page.goto(site.home);
  await expect(page.getByText(`1 of ${lessons.length} lessons completed`)).toBeVisible();

  let confirmed = false;
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    return confirmed ? dialog.accept() : dialog.dismiss();
  });
  await page.getByRole("button", { name: "Reset progress" }).click();
  await expect.poll(() => asked.length).toBe(1);
  await page.reload();
  await expect(page.getByText(`1 of ${lessons.length} lessons completed`)).toBeVisible();

  confirmed = true;
  await page.getByRole("button", { name: "Reset progress" }).click();
  await expect(page.locator("[data-progress-status]")).toHaveText("Progress reset: no lesson is marked as complete.");
  await expect(page.getByText(`0 of ${lessons.length} lessons completed`)).toBeVisible();
  await expect(card(page, first!).getByText("Completed", { exact: true })).toBeHidden();
});

/** The pages progress shows on. */
const progressPages = () => [
  site.home,
  site.lesson(first!.id),
  site.lesson(dependent.id),
  site.path,
  site.keyword(keywordSlug(first!.data.keywords[0]!)),
];

/** What a reader without progress sees: no progress controls, marks or notes. */
async function expectNoProgress(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your progress" })).toHaveCount(0);
  await expect(page.getByText(/^(Not )?[Cc]ompleted$/).filter({ visible: true })).toHaveCount(0);
  await expect(page.getByText("You have not completed")).toBeHidden();
}

test("with storage blocked (private mode, a browser setting), pages read as before and log no error", async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of progressPages()) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // The init script is in force: the page cannot reach storage.
    expect(
      await page.evaluate(() =>
        Promise.resolve()
          .then(() => localStorage.length)
          .catch((e) => e.name),
      ),
    ).toBe("SecurityError");
    await expectNoProgress(page);
  }
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("pages show no progress controls or marks", async ({ page }) => {
    for (const path of progressPages()) {
      await page.goto(path);
      await expectNoProgress(page);
    }
  });
});

test("showing progress moves nothing on the page (no layout shift)", async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await store(page, { [first!.id]: "digest-of-an-older-version", [dependent.id]: "x" });
  for (const path of progressPages()) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-done=true]").first()).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), path).toEqual([]);
  }
});

test("Tab reaches every progress control and mark, each with a visible focus indicator", async ({ page }) => {
  await store(page, { [first!.id]: await digestOf(page, first!) });
  const found: string[] = [];
  for (const path of [site.home, site.lesson(dependent.id), site.path]) {
    await page.goto(path);
    await expect(page.locator("[data-done=true]").first()).toBeAttached();
    const { stops, problems, unreached } = await walkFocus(page);
    found.push(
      ...[...problems, ...unreached.map((element) => `Tab never reaches ${element}`)].map((p) => `${path}: ${p}`),
    );
    if (path === site.home) {
      for (const control of ["Continue with", "Export progress", "Reset progress"]) {
        expect(
          stops.some((stop) => stop.includes(control)),
          `${control} in ${stops.join(", ")}`,
        ).toBe(true);
      }
    }
  }
  expect(found, found.join("\n")).toEqual([]);
});

/** What progress adds to a page: marks in lesson lists, notes, controls. */
const PROGRESS_PARTS = "[data-lesson-id], [data-progress], .progress-updated";

const MODES = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "dark", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
  { name: "375 px", colorScheme: "light", viewport: { width: 375, height: 740 } },
] as const;

for (const mode of MODES) {
  test(`axe finds no WCAG A or AA violation with progress shown (${mode.name})`, async ({ page }) => {
    await page.setViewportSize(mode.viewport);
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    // One lesson done, one changed since, the rest not: every mark, note and control shows somewhere.
    await store(page, { [first!.id]: await digestOf(page, first!), [dependent.id]: "digest-of-an-older-version" });
    const found: string[] = [];
    for (const path of progressPages()) {
      await page.goto(path);
      await expect(page.locator("[data-done=true]").first()).toBeAttached();
      // The whole pages are checked by accessibility.spec.ts; here the parts progress shows or changes.
      const results = await new AxeBuilder({ page })
        .include(PROGRESS_PARTS)
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(results.passes.length, `axe checked something on ${path}`).toBeGreaterThan(0);
      found.push(...results.violations.map((v) => `${path}: ${v.id} at ${v.nodes.map((n) => n.target).join(", ")}`));
    }
    await page.goto(site.lesson(dependent.id));
    await expect(page.getByText("Updated since you completed it")).toBeVisible();
    await expect(page.getByText("You have not completed")).toBeVisible();
    expect(found, found.join("\n")).toEqual([]);
  });
}
