import { describe, expect, it } from "vitest";
import { validateHtml } from "../../../src/quality/html-validator";

const page = (body: string) =>
  `<!doctype html>\n<html lang="en">\n<head><title>Test</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe("validateHtml", () => {
  it("accepts a valid page", async () => {
    expect(await validateHtml(page('<pre><code><span class="line">x = 1</span></code></pre>'), "ok.html")).toEqual([]);
  });

  it("rejects a <div> inside <code>, naming the file, line and column", async () => {
    const problems = await validateHtml(page("<pre><code><div>x = 1</div></code></pre>"), "dist/x/index.html");
    expect(problems).toEqual([
      "dist/x/index.html:5:13: <div> element is not permitted as content under <code> (element-permitted-content)",
    ]);
  });

  it("rejects duplicate ids and unclosed elements", async () => {
    const problems = await validateHtml(page('<p id="a">one</p><p id="a">two</p><section><p>open'), "bad.html");
    expect(problems.some((problem) => problem.includes("(no-dup-id)"))).toBe(true);
    expect(problems.some((problem) => problem.includes("(close-order)"))).toBe(true);
  });
});
