import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { normalizeLesson } from "../../src/normalize/index";
import { buildFixtureSite, type FixtureBuild } from "../support/fixture-site";

const SOURCES = join(import.meta.dirname, "../../content/sources");

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

it("drafts imported from every raw source build into a site", () => {
  const names = readdirSync(SOURCES).filter((name) => name.endsWith(".md"));
  const drafts = Object.fromEntries(
    names.map((name) => {
      const lesson = normalizeLesson(readFileSync(join(SOURCES, name)), {
        file: `content/sources/${name}`,
        source: `content/sources/${name}`,
        knownIds: new Set(),
      });
      return [`${lesson.id}.mdx`, lesson.mdx];
    }),
  );
  build = buildFixtureSite(drafts);
  expect(build.output).toContain("Complete!");
  expect(build.status).toBe(0);
  for (const file of Object.keys(drafts)) {
    const page = readFileSync(join(build.root, "dist/lessons", file.replace(/\.mdx$/, ""), "index.html"), "utf8");
    expect(page).toContain("Draft: imported automatically");
  }
});
