/**
 * MDX comments, `{/* ... *\/}`, are how a lesson keeps notes for its editors
 * (the importer writes HTML comments and unresolved prerequisites as such).
 * To MDX they are expressions, which the lesson-safety check refuses; the
 * check lets through, and removes from the tree, the expressions that are
 * nothing but block comments, so they never reach the page and nothing runs.
 *
 * The text alone decides, soundly: a block comment ends at its first `*\/`,
 * so a value that is only `/* ... *\/` pieces (none containing `*\/`) and
 * whitespace is only comments, whatever braces they hold.
 */
const ONLY_COMMENTS = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)+$/;

export function isCommentOnly(value: string): boolean {
  return ONLY_COMMENTS.test(value);
}
