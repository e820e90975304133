/**
 * The Content-Security-Policy of every built page, written by Astro as a
 * `<meta http-equiv="content-security-policy">` (its `security.csp` option).
 *
 * Lessons come from many authors, and the build rejects anything in them that
 * could run (src/markdown/); the policy is the second line: a script that an
 * injection slipped into a page still does not run, because only the site's
 * own scripts are allowed: files from this origin, and the inline scripts
 * below, each by the hash of its exact text. Nothing is loaded from another
 * origin.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AstroUserConfig } from "astro";

type CspConfig = Exclude<NonNullable<AstroUserConfig["security"]>["csp"], boolean | undefined>;

const SRC = join(import.meta.dirname, "..");

/**
 * The scripts that pages inline (`<script is:inline set:html={...}>` with the
 * file imported `?raw`), as paths under src/ (the minified ones are written by
 * src/scripts/minify.ts). A new inline script must be listed
 * here, or the browser refuses to run it (the browser tests report that as a CSP
 * violation).
 */
export const INLINE_SCRIPTS = [
  "scripts/code-blocks.min.js",
  "search/loader.min.js",
  "search/nojs.js",
  "progress/progress.min.js",
] as const;

/** The CSP source expression of a script's text, as browsers compute it: base64 SHA-256 of its UTF-8 bytes. */
export function scriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

export const inlineScriptHashes = () => INLINE_SCRIPTS.map((file) => scriptHash(readFileSync(join(SRC, file), "utf8")));

/** Astro's `security.csp` setting. */
export function contentSecurityPolicy(): CspConfig {
  return {
    algorithm: "SHA-256",
    directives: [
      "default-src 'self'",
      // Lessons may show images from the web (https only; the build rejects other schemes).
      "img-src 'self' https:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      // Pagefind's index and fragments, from this origin only.
      "connect-src 'self'",
      // The Python runner's worker starts from a blob: URL so that it inherits this policy (src/runner/start-worker.ts).
      "worker-src 'self' blob:",
    ],
    scriptDirective: {
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it allows no JavaScript eval.
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(),
    },
    styleDirective: {
      // style-src is 'self' and Astro's hashes without naming 'self' here (Astro's default); naming it made
      // Astro warn on every build that style-src-attr does not inherit it, which it need not.
      // Shiki colours code through style attributes (CSS variables per token); attributes cannot run scripts.
      resources: [{ resource: "'unsafe-inline'", kind: "attribute" }],
    },
  };
}
