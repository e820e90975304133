import { stringify } from "yaml";
import type { LessonData } from "../lessons/schema";

/** The MDX file: frontmatter in the order authors read it, then the body. */
export function toMdx(data: LessonData, body: string): string {
  const {
    title,
    description,
    authors,
    difficulty,
    prerequisites,
    keywords,
    duration,
    objectives,
    source,
    language,
    extra,
    draft,
  } = data;
  const ordered = {
    title,
    description,
    ...(authors === undefined ? {} : { authors }),
    difficulty,
    prerequisites,
    keywords,
    duration,
    ...(objectives === undefined ? {} : { objectives }),
    source,
    edits: data.edits ?? [],
    language,
    ...(extra === undefined ? {} : { extra }),
    draft,
  };
  // lineWidth 0: long descriptions stay on one line instead of being folded.
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n\n${body}`;
}
