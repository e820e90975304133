import { isSafeUrl } from "../markdown/safe-url";

/** What to do with a link found in a source. */
export type LinkVerdict = { kind: "keep" } | { kind: "rewrite"; url: string } | { kind: "dead" } | { kind: "unsafe" };

const SCHEME = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const LESSON_PATH = /^(?:\/lessons\/|\.\.\/)([^/]+)\/?$/;
const MARKDOWN_FILE = /(?:^|\/)([^/]+?)(?:\.mdx?)?$/;

/**
 * Links to other sites and to anchors in the lesson are kept. On this site the
 * only pages are /lessons/<id>/, so a link into the site works only if it names
 * a known lesson: "/lessons/<id>", "../<id>/" and "./<id>.md" are rewritten to
 * the page's address relative to the lesson's own page, "../<id>/", which
 * works under any base path the site is deployed at; any other relative or site path (the source course's table of contents,
 * its other lessons) is dead. A scheme other than http(s) or mailto
 * (`javascript:`, `data:`) is unsafe: the build would reject the lesson
 * (src/markdown/safe-url.ts).
 */
export function judgeLink(url: string, knownIds: ReadonlySet<string>): LinkVerdict {
  if (!isSafeUrl(url)) return { kind: "unsafe" };
  if (SCHEME.test(url) || url.startsWith("#")) return { kind: "keep" };
  const [path = "", fragment] = url.split(/(?=#)/, 2);
  const id = LESSON_PATH.exec(path)?.[1] ?? MARKDOWN_FILE.exec(path)?.[1];
  if (id === undefined || !knownIds.has(id)) return { kind: "dead" };
  const canonical = `../${id}/${fragment ?? ""}`;
  return canonical === url ? { kind: "keep" } : { kind: "rewrite", url: canonical };
}

/**
 * Images must ship with the site; Astro resolves a relative image path at build
 * time and fails when the file is missing; the importer copies the files it finds (body-steps/assets.ts).
 */
export function isLocalImage(url: string): boolean {
  return !SCHEME.test(url) && !url.startsWith("/");
}
