/**
 * Rewrites prose that points into another course's numbering ("Lesson 24",
 * "Python Intermediate #8"): this site has no numbered lessons, so such a
 * reference points nowhere. Only forms that can be dropped without breaking
 * the sentence are rewritten; any other mention is reported for a person to fix.
 *
 * The patterns are case-sensitive on purpose: courses capitalize their units,
 * while "in part 2 of the example" is ordinary prose.
 */
const NUMBERED = String.raw`(?:Lesson|Chapter|Module|Part|Unit)\s+\d+(?:\.\d+)*`;

const REWRITES: readonly RegExp[] = [
  // "Welcome to Lesson 23! " says nothing once the numbering is gone.
  new RegExp(String.raw`(?:^|(?<=[.!?]\s+))Welcome to ${NUMBERED}\s*[!.]\s*`, "g"),
  // "(see Lesson 4)", "(Python Intermediate #8)"
  new RegExp(String.raw`\s*\((?:[^()]*?\b${NUMBERED}\b|[^()]*#\d+)[^()]*\)`, "g"),
  // "... async in Lesson 24." -> "... async."
  new RegExp(String.raw`\s+(?:in|from)\s+${NUMBERED}\b`, "g"),
];

const LEFTOVER = new RegExp(String.raw`\b${NUMBERED}\b`, "g");

export interface ReferenceRewrite {
  text: string;
  /** The removed pieces, for the report. */
  dropped: string[];
  /** Mentions that could not be dropped safely. */
  leftover: string[];
}

export function dropForeignReferences(prose: string): ReferenceRewrite {
  const dropped: string[] = [];
  let text = prose;
  for (const pattern of REWRITES) {
    text = text.replace(pattern, (match) => {
      dropped.push(match.trim());
      return "";
    });
  }
  return { text, dropped, leftover: text.match(LEFTOVER) ?? [] };
}
