import { FOREIGN_NUMBERING } from "../lessons/schema";
import { parseDuration } from "./duration";

export interface CleanTitle {
  title: string;
  /** Minutes, when the heading states a duration such as "(10 minutes)". */
  duration?: number;
  /** The pieces taken off, for the report. */
  removed: string[];
}

/** "(10 minutes)", "[1 hour]", "(1 h 30 min)" at the end of a heading; a bare "(2)" is not a duration. */
const DURATION_SUFFIX = /\s*[([]\s*(\d[\d. ]*(?:hours?|hrs?|h|minutes?|mins?)\b[^()[\]]*)[)\]]\s*$/i;

/**
 * Takes another course's numbering ("Lesson 23: ") and a stated duration
 * ("(10 minutes)") off a title: this site has neither numbering nor durations
 * in titles, the duration becomes frontmatter instead.
 */
export function cleanTitle(raw: string): CleanTitle {
  const removed: string[] = [];
  let title = raw.replace(/\s+/g, " ").trim();

  const numbering = FOREIGN_NUMBERING.exec(title);
  if (numbering) {
    removed.push(numbering[0].trim());
    title = title.slice(numbering[0].length);
  }

  let duration: number | undefined;
  const suffix = DURATION_SUFFIX.exec(title);
  const stated = suffix ? parseDuration(suffix[1]) : undefined;
  if (suffix && stated !== undefined) {
    duration = stated;
    removed.push(suffix[0].trim());
    title = title.slice(0, suffix.index);
  }

  title = title.replace(/\s*:\s*$/, "").trim();
  return duration === undefined ? { title, removed } : { title, duration, removed };
}
