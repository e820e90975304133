/**
 * Problems an author must fix before the site can be built, and the one error
 * that reports all of them at once (fixing one at a time per build is slow).
 */

export interface Problem {
  /** The lesson file at fault, relative to the project root. */
  file: string;
  /** The frontmatter field at fault, or "file name". */
  field: string;
  /** What is wrong and what to do. */
  message: string;
}

export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field) || a.message.localeCompare(b.message),
  );
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [
    `The lessons have ${count}; fix ${problems.length === 1 ? "it" : "them"} and build again:`,
    ...sorted.map((problem) => `  - ${problem.file}, ${problem.field}: ${problem.message}`),
  ].join("\n");
}

export class LessonProblemsError extends Error {
  override name = "LessonProblemsError";

  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
  }
}
