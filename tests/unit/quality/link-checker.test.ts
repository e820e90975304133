import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks, formatLinkProblems, parsePage, type Fetcher } from "../../../src/quality/link-checker";

const FIXTURE = join(import.meta.dirname, "../../fixtures/links");
const ORIGIN = "http://fixture.test";

/** Serves the fixture folder like a static host: "/x/" is x/index.html, anything else a 404. */
const fixtureServer: Fetcher = async (url) => {
  const file = url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname;
  try {
    const body = readFileSync(join(FIXTURE, file), "utf8");
    return { status: 200, contentType: file.endsWith(".html") ? "text/html" : "text/css", body };
  } catch {
    return { status: 404, contentType: "text/html", body: "<h1>Not found</h1>" };
  }
};

describe("the link checker", () => {
  it("crawls every page reachable from the start, through HTML and SVG links", async () => {
    const { pages } = await checkLinks(ORIGIN, "/", fixtureServer);
    expect(pages).toEqual(["/", "/good/", "/deeper/"]);
  });

  it("reports each broken link and fragment with the page it is on, and nothing else", async () => {
    const { problems } = await checkLinks(ORIGIN, "/", fixtureServer);
    expect(problems).toEqual(
      expect.arrayContaining([
        { page: "/", href: "/good/#absent", reason: '/good/ has no element with id "absent"' },
        { page: "/", href: "#nowhere", reason: '/ has no element with id "nowhere"' },
        { page: "/", href: "/missing/", reason: "/missing/ answers 404" },
        { page: "/", href: "/good", reason: "/good answers 404" },
        { page: "/", href: "/missing.png", reason: "/missing.png answers 404" },
        { page: "/good/", reason: 'id "twice" is used 2 times, so #twice is ambiguous' },
        { page: "/deeper/", href: "/missing/", reason: "/missing/ answers 404" },
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it("formats the report so each problem names its page", async () => {
    const { problems } = await checkLinks(ORIGIN, "/", fixtureServer);
    const report = formatLinkProblems(problems);
    expect(report).toMatch(/^The link checker found 7 problems:/);
    expect(report).toContain('on /deeper/: link "/missing/": /missing/ answers 404');
  });

  it("finds nothing wrong in a site whose links all resolve", async () => {
    const site: Record<string, string> = {
      "/": '<a href="/a/#x">a</a><a href="#top">top</a>',
      "/a/": '<h1 id="x">A</h1><a href="/">home</a>',
    };
    const fetcher: Fetcher = async (url) =>
      site[url.pathname] === undefined
        ? { status: 404, contentType: "text/html", body: "" }
        : { status: 200, contentType: "text/html; charset=utf-8", body: site[url.pathname]! };
    expect(await checkLinks(ORIGIN, "/", fetcher)).toEqual({ pages: ["/", "/a/"], problems: [] });
  });

  it("reports a fragment with broken percent-encoding instead of stopping the crawl", async () => {
    const site: Record<string, string> = { "/": '<a href="/a/#bad%zz">a</a>', "/a/": "<h1>A</h1>" };
    const fetcher: Fetcher = async (url) => ({ status: 200, contentType: "text/html", body: site[url.pathname] ?? "" });
    expect(await checkLinks(ORIGIN, "/", fetcher)).toEqual({
      pages: ["/", "/a/"],
      problems: [{ page: "/", href: "/a/#bad%zz", reason: "the fragment #bad%zz is not valid percent-encoding" }],
    });
  });

  it("reads ids, named anchors and every kind of link from a page", () => {
    const { ids, links } = parsePage(
      '<a name="old"></a><p id="new"></p><img srcset="/a.png 1x, /b.png 2x" src="/c.png"><form action="/s/"></form>',
    );
    expect([...ids.keys()].sort()).toEqual(["new", "old"]);
    expect(links.sort()).toEqual(["/a.png", "/b.png", "/c.png", "/s/"]);
  });
});
