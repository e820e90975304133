/**
 * MDX reads "{...}" in prose as a JavaScript expression and "<" as the start
 * of a JSX tag, so a sentence like "use a dict {key: value}" or "x < y" breaks
 * the build or silently renders something else. A backslash escape is valid
 * Markdown for all four characters, renders them literally and keeps the
 * source readable. Characters already escaped stay as they are.
 */
const UNESCAPED = /(\\*)([{}<>])/g;

export function escapeMdx(source: string): { text: string; count: number } {
  let count = 0;
  const text = source.replace(UNESCAPED, (match, slashes: string, char: string) => {
    if (slashes.length % 2 === 1) return match;
    count++;
    return `${slashes}\\${char}`;
  });
  return { text, count };
}
