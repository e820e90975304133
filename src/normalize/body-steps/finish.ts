/** Applies every step's edits to the source and gathers their notes. */
import { applyEdits } from "../edits";
import type { Note } from "../notes";
import type { StepResult } from "./step";

/**
 * The edited body (no leading blank lines, one final newline) and the notes in
 * step order, then one note per kind of repair listing every line it happened on.
 */
export function finishBody(text: string, results: readonly StepResult[]): { body: string; notes: Note[] } {
  const notes = results.flatMap((result) => result.notes ?? []);
  const repeated = new Map<string, number[]>();
  for (const { message, line } of results.flatMap((result) => result.repairs ?? [])) {
    repeated.set(message, [...(repeated.get(message) ?? []), line]);
  }
  for (const [message, lines] of repeated) {
    notes.push({ kind: "repaired", message: `${message} (line${lines.length > 1 ? "s" : ""} ${lines.join(", ")})` });
  }
  const body = applyEdits(
    text,
    results.flatMap((result) => result.edits ?? []),
  )
    .replace(/^\s*\n/, "")
    .trimEnd();
  return { body: `${body}\n`, notes };
}
