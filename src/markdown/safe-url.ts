/**
 * The one URL rule for lessons, shared by the build (lesson-safety.ts)
 * and the importer (src/normalize/links.ts): a lesson may point at `http:`,
 * `https:` and `mailto:` URLs and at relative ones (`#part`, `/lessons/x/`,
 * `./picture.png`, and protocol-relative `//host/path`, which is http(s)).
 * Any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, ...) is refused.
 *
 * The URL is read the way a browser reads it (WHATWG URL parser), so that
 * obfuscation does not slip through: leading and trailing control characters
 * and spaces are stripped, tabs and newlines anywhere are removed, and the
 * scheme is compared case-insensitively. Character references (`&#106;`) are
 * already decoded by the Markdown and MDX parsers before a URL reaches this
 * function; anything still percent-encoded before the first ":" cannot form a
 * scheme, so the browser treats it as a relative path.
 */
export const SAFE_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto"]);

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The scheme a browser would see, lowercase, or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  return SCHEME.exec(cleaned)?.[1]?.toLowerCase();
}

/** True for http(s), mailto and relative URLs. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}
