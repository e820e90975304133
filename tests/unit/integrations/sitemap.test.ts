import { describe, expect, it } from "vitest";
import { sitemapPaths } from "../../../src/integrations/sitemap";

describe("sitemapPaths", () => {
  it("lists every page as a site path, without the error pages", () => {
    expect(sitemapPaths(["", "lessons/a/", "404/", "/path/", "500", "keywords/"])).toEqual([
      "/",
      "/keywords/",
      "/lessons/a/",
      "/path/",
    ]);
  });

  it("puts the base in front of every page", () => {
    expect(sitemapPaths(["", "lessons/a/", "404/"], "/course/")).toEqual(["/course/", "/course/lessons/a/"]);
  });
});
