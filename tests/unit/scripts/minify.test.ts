import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { minifiedPath, minifyScript, MINIFIED_SCRIPTS, sourcePath } from "../../../src/scripts/minify";

describe("the inlined minified scripts", () => {
  it.each(MINIFIED_SCRIPTS)(
    "%s is inlined minified (after editing it, run: npx tsx src/scripts/minify.ts)",
    (script) => {
      expect(readFileSync(minifiedPath(script), "utf8")).toBe(minifyScript(readFileSync(sourcePath(script), "utf8")));
    },
  );

  it("minifying changes the code's form, not what it refers to", () => {
    const minified = minifyScript("(() => { const longName = document.title; console.log(longName); })();");
    expect(minified).toBe("(()=>{const o=document.title;console.log(o)})();\n");
  });
});
