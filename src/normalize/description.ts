import type { Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";

const MAX_LENGTH = 200;
/** Fewer words than this is a fragment ("Example."), not a description. */
const MIN_WORDS = 5;
/** A shortened sentence keeps at least this much before the cut. */
const MIN_CUT = 60;

/**
 * Openers that introduce rather than describe: greetings, "Let's dive in",
 * "Here's an example", "Now that you've learned".
 */
const FILLER = /^(?:welcome\b|let['’]?s\b|let us\b|here['’]?s\b|here is\b|now that\b|example\b)/i;
/** Mentions of another course's numbering make no sense on this site. */
const FOREIGN_REFERENCE = /\b(?:Lesson|Chapter|Module|Part|Unit)\s+\d/;

/**
 * The description: the first sentence of the body's top-level prose that
 * describes the topic, markdown stripped, shortened at a clause boundary to at
 * most 200 characters, ending with a full stop. Sentences that end in ":"
 * (they introduce code or a list), "!" or "?" are skipped, as are fillers.
 * The split is the one the schema uses to tell sentences apart.
 */
export function inferDescription(body: Root): string | undefined {
  for (const node of body.children) {
    if (node.type !== "paragraph") continue;
    const sentence = firstDescribingSentence(node);
    if (sentence !== undefined) return shorten(sentence);
  }
  return undefined;
}

function firstDescribingSentence(paragraph: Paragraph): string | undefined {
  const text = toString(paragraph).replace(/\s+/g, " ").trim();
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .find(
      (sentence) =>
        sentence.endsWith(".") &&
        sentence.split(" ").length >= MIN_WORDS &&
        !FILLER.test(sentence) &&
        !FOREIGN_REFERENCE.test(sentence),
    );
}

function shorten(sentence: string): string {
  if (sentence.length <= MAX_LENGTH) return sentence;
  const room = sentence.slice(0, MAX_LENGTH - 1);
  const clause = Math.max(...[", ", "; ", ": ", " – ", " — ", " - "].map((mark) => room.lastIndexOf(mark)));
  const cut = clause >= MIN_CUT ? clause : room.lastIndexOf(" ");
  return `${room.slice(0, cut).replace(/[\s,;:–—-]+$/, "")}.`;
}
