/**
 * The graph layer is pure: it imports only its own modules and plain
 * libraries, never the Astro side (src/lessons, pages, astro:*), so it can be
 * read and tested without a build. The Astro side imports from it, not back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../../src/graph/", import.meta.url);
const importsOf = (source: string) =>
  [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!);

describe("src/graph", () => {
  const files = readdirSync(dir).filter((name) => name.endsWith(".ts"));

  it("has modules to check", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(importsOf(readFileSync(new URL("course.ts", dir), "utf8"))).toContain("./graph");
    expect(importsOf('import "a";\nimport type { B } from "b";\nexport { c } from "c";\nawait import("d");')).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it.each(files)("%s imports only graph modules and plain libraries", (name) => {
    const outside = importsOf(readFileSync(new URL(name, dir), "utf8")).filter(
      (specifier) => specifier.startsWith("../") || specifier === "astro" || /^astro[:/]/.test(specifier),
    );
    expect(outside).toEqual([]);
  });
});
