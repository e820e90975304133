/**
 * Pagefind excerpts are HTML: the page text with `<` and `>` escaped and the
 * matched words wrapped in `<mark>`. The UI never assigns them to innerHTML;
 * it splits them into plain-text pieces and builds `<mark>` elements itself,
 * so nothing in a lesson or a query can become markup, whatever Pagefind does.
 */

export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

/** Undoes exactly the escaping Pagefind applies to page text (it escapes `<` and `>` only). */
function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part !== "") pieces.push({ text: unescape(part), marked });
  }
  return pieces;
}
