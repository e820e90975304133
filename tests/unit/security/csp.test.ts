import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INLINE_SCRIPTS } from "../../../src/security/csp";

const SRC = join(import.meta.dirname, "../../../src");

/** The scripts that .astro files import `?raw` (to inline them), as paths under src/. */
function rawScriptImports(): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".astro")) continue;
    const file = join(entry.parentPath, entry.name);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from\s+["']([^"']+\.js)\?raw["']/g)) {
      found.add(
        relative(SRC, resolve(dirname(file), specifier!))
          .split("\\")
          .join("/"),
      );
    }
  }
  return [...found].sort();
}

describe("the inline scripts of the Content-Security-Policy", () => {
  it("hash every script a component or page inlines, and only those", () => {
    const inlined = rawScriptImports();
    expect(inlined.length).toBeGreaterThan(0);
    expect([...INLINE_SCRIPTS].sort()).toEqual(inlined);
  });
});
