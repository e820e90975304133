import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSearchIndex, type PagefindApi } from "../../../src/search/pagefind-index";

interface FakeOptions {
  createErrors?: string[];
  noIndex?: boolean;
  addErrors?: string[];
  writeErrors?: string[];
  crash?: boolean;
}

/** A stand-in for the pagefind package that records calls and fails where told to. */
function fakePagefind(options: FakeOptions = {}) {
  const calls: string[] = [];
  const api: PagefindApi = {
    async createIndex(config) {
      calls.push(`createIndex ${JSON.stringify(config)}`);
      if (options.noIndex) return { errors: options.createErrors ?? [] };
      return {
        errors: options.createErrors ?? [],
        index: {
          async addDirectory({ path }) {
            calls.push(`addDirectory ${path}`);
            if (options.crash) throw new Error("the pagefind binary exited");
            return { errors: options.addErrors ?? [], page_count: 7 };
          },
          async writeFiles(write) {
            const outputPath = write?.outputPath ?? "";
            calls.push(`writeFiles ${outputPath}`);
            // Like Pagefind, write files before (perhaps) failing part-way.
            mkdirSync(outputPath, { recursive: true });
            writeFileSync(join(outputPath, "pagefind.js"), "// index");
            return { errors: options.writeErrors ?? [], outputPath };
          },
        },
      };
    },
    async close() {
      calls.push("close");
      return null;
    },
  };
  return { api, calls };
}

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), "pagefind-test-"));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe("buildSearchIndex", () => {
  it("indexes the built site and moves the finished bundle into it", async () => {
    const { api, calls } = fakePagefind();
    const result = await buildSearchIndex(site, api);
    expect(result).toEqual({ filesRead: 7, outputPath: join(site, "pagefind") });
    expect(calls).toEqual([
      'createIndex {"excludeSelectors":[".copy-button"]}',
      `addDirectory ${site}`,
      `writeFiles ${join(site, "pagefind.partial")}`,
      "close",
    ]);
    expect(readFileSync(join(site, "pagefind/pagefind.js"), "utf8")).toBe("// index");
    expect(existsSync(join(site, "pagefind.partial"))).toBe(false);
  });

  it.each([
    ["createErrors", /Pagefind failed to create an index:\n {2}bad config/],
    ["addErrors", /Pagefind failed to index the HTML files in .*:\n {2}bad config/],
    ["writeErrors", /Pagefind failed to write the index to .*pagefind:\n {2}bad config/],
  ] as const)("fails with Pagefind's message when %s are reported, and still stops Pagefind", async (key, message) => {
    const { api, calls } = fakePagefind({ [key]: ["bad config"] });
    await expect(buildSearchIndex(site, api)).rejects.toThrow(message);
    expect(calls.at(-1)).toBe("close");
    // No index, not even part of one, is left in the site.
    expect(existsSync(join(site, "pagefind"))).toBe(false);
    expect(existsSync(join(site, "pagefind.partial"))).toBe(false);
  });

  it("fails when no index comes back even without an error", async () => {
    const { api, calls } = fakePagefind({ noIndex: true });
    await expect(buildSearchIndex(site, api)).rejects.toThrow(/no error/);
    expect(calls.at(-1)).toBe("close");
  });

  it("stops Pagefind when it crashes", async () => {
    const { api, calls } = fakePagefind({ crash: true });
    await expect(buildSearchIndex(site, api)).rejects.toThrow("the pagefind binary exited");
    expect(calls.at(-1)).toBe("close");
  });
});
