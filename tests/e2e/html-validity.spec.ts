import { globSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "@playwright/test";
import { validateHtml } from "../../src/quality/html-validator";
import { BUILT_SITE, builtPath, crawledPages } from "../support/site-pages";

test("every built page is valid HTML (html-validate, standard preset)", async ({ baseURL }) => {
  const files = globSync("**/*.html", { cwd: BUILT_SITE }).sort();
  // Every page a reader can reach must be among the files checked.
  for (const path of await crawledPages(baseURL!)) {
    expect(files, `the built file for ${path}`).toContain(`${builtPath(path).slice(1)}index.html`);
  }
  expect(files).toContain("404.html");

  const problems: string[] = [];
  for (const file of files) {
    const path = join(BUILT_SITE, file);
    problems.push(...(await validateHtml(readFileSync(path, "utf8"), relative(process.cwd(), path))));
  }
  expect(problems, problems.join("\n")).toEqual([]);
});
