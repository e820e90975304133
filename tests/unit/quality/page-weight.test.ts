import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { htmlFileOf, pageWeight } from "../../../src/quality/page-weight";

let dist: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
};

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "page-weight-"));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe("pageWeight", () => {
  it("counts the HTML, linked and inline CSS and JS, and what the CSS loads", () => {
    const css = "body{font-family:f}@font-face{src:url(../fonts/f.woff2)}.x{background:url(data:image/png;base64,AA)}";
    const inlineJs = "console.log(1)";
    const html = [
      "<!doctype html><html><head>",
      '<link rel="stylesheet" href="/_astro/site.css">',
      '<link rel="icon" href="/favicon.svg">',
      '<link rel="modulepreload" href="/m.js">',
      '<link rel="stylesheet" href="https://cdn.example.com/x.css">',
      "<style>p{color:red}</style>",
      `</head><body><script>${inlineJs}</script><script src="../app.js"></script>`,
      '<script type="application/json">{"not":"code"}</script>',
      '<img src="/a.png"><img src="/lazy.png" loading="lazy">',
      "</body></html>",
    ].join("\n");
    write("lessons/x/index.html", html);
    write("_astro/site.css", css);
    write("fonts/f.woff2", "FONTDATA");
    write("favicon.svg", "<svg/>");
    write("m.js", "export{}");
    write("lessons/app.js", "let a=1");
    write("a.png", "PNG");

    const weight = pageWeight(dist, "/lessons/x/");
    expect(weight.resources.map((resource) => `${resource.kind} ${resource.path}`)).toEqual([
      "html /lessons/x/index.html",
      "css /_astro/site.css",
      "other /favicon.svg",
      "js /m.js",
      "js /lessons/app.js",
      "other /a.png",
      "other /fonts/f.woff2",
      "css inline",
      "js inline",
    ]);
    expect(weight.html.raw).toBe(Buffer.byteLength(html));
    expect(weight.css.raw).toBe(css.length + "p{color:red}".length);
    expect(weight.js.raw).toBe("export{}".length + "let a=1".length + inlineJs.length);
    expect(weight.other.raw).toBe("<svg/>".length + "PNG".length + "FONTDATA".length);
    // Inline code is already inside the HTML file: counted once in the total.
    expect(weight.total.raw).toBe(
      Buffer.byteLength(html) + css.length + "<svg/>".length + "export{}".length + "let a=1".length + 3 + 8,
    );
    expect(weight.total.gzip).toBeGreaterThan(gzipSync(html).length);
  });

  it("names the page and the missing file when a link points nowhere", () => {
    write("index.html", '<link rel="stylesheet" href="/gone.css">');
    expect(() => pageWeight(dist, "/")).toThrow("/index.html links to /gone.css, which is not in");
  });

  it("reads a site built under a base: its links carry the base, its files do not", () => {
    write(
      "lessons/y/index.html",
      '<link rel="stylesheet" href="/course/_astro/b.css"><link rel="icon" href="../../favicon.svg">',
    );
    write("_astro/b.css", "p{background:url(/course/img/bg.png)}");
    write("img/bg.png", "PNG");
    write("favicon.svg", "<svg/>");
    const weight = pageWeight(dist, "/lessons/y/", "/course/");
    expect(weight.resources.map((resource) => resource.path)).toEqual([
      "/lessons/y/index.html",
      "/_astro/b.css",
      "/favicon.svg",
      "/img/bg.png",
    ]);
    // A link that misses the base points at nothing the site serves.
    write("index.html", '<link rel="icon" href="/favicon.svg">');
    expect(() => pageWeight(dist, "/", "/course/")).toThrow(
      "/index.html links to /favicon.svg, which is outside the site's base /course/.",
    );
  });

  it("maps page paths to their HTML files", () => {
    expect(htmlFileOf("/")).toBe("/index.html");
    expect(htmlFileOf("/keywords/task/")).toBe("/keywords/task/index.html");
    expect(htmlFileOf("/404.html")).toBe("/404.html");
  });
});
