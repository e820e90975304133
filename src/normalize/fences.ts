import type { Code, Root } from "mdast";
import { visit } from "unist-util-visit";
import { ImportError } from "./errors";
import { lineOf, sourceOf } from "./markdown";

const OPENING_FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** The opening fence run ("```", "~~~~"), or undefined for an indented code block. */
export function openingFence(text: string, code: Code): string | undefined {
  return OPENING_FENCE.exec(sourceOf(text, code))?.[1];
}

/**
 * CommonMark lets an unclosed fence swallow the rest of the document (or of
 * its list item), which silently turns prose into code. That is never what the
 * author meant, so it is an error pointing at the line the fence opens on.
 */
export function assertFencesClosed(tree: Root, text: string, file: string): void {
  visit(tree, "code", (code) => {
    const fence = openingFence(text, code);
    if (fence === undefined) return;
    const lines = sourceOf(text, code).replace(/\n+$/, "").split("\n");
    // Container prefixes (blockquote ">" and indentation) precede the closing fence.
    const last = (lines.at(-1) ?? "").replace(/^[\s>]*/, "");
    const closing = new RegExp(`^${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    if (lines.length < 2 || !closing.test(last)) {
      throw new ImportError(file, `code fence ${fence} opened on line ${lineOf(code)} is never closed`, {
        line: lineOf(code),
        hint: `add a closing ${fence} line after the code`,
      });
    }
  });
}

/**
 * Lines that only Python starts this way. One is enough: output, shell
 * sessions and data rarely start a line with `def f(` or `import x`.
 */
const PYTHON_LINE =
  /^\s*(?:(?:async\s+)?def\s+\w+\s*\(|class\s+\w+\s*[(:]|import\s+\w[\w.]*(?:\s+as\s+\w+)?\s*(?:#.*)?$|from\s+[\w.]+\s+import\s|print\(|if\s+__name__\s*==|(?:await|yield|raise|return)\s+\S|@\w[\w.]*\s*$|>>>\s)/m;

/** Language for an untagged fence: the site highlights Python lessons, anything else is shown as plain text. */
export function guessLanguage(code: string): "python" | "text" {
  return PYTHON_LINE.test(code) ? "python" : "text";
}
