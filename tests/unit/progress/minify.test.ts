import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { minifyProgressScript, PROGRESS_MINIFIED } from "../../../src/progress/minify";

describe("the inlined progress script", () => {
  it("is the minified progress.js (after editing it, run: npx tsx src/progress/minify.ts)", () => {
    expect(readFileSync(PROGRESS_MINIFIED, "utf8")).toBe(minifyProgressScript());
  });

  it("minifying changes the code's form, not what it refers to", () => {
    const minified = minifyProgressScript("(() => { const longName = document.title; console.log(longName); })();");
    expect(minified).toBe("(()=>{const o=document.title;console.log(o)})();\n");
  });
});
