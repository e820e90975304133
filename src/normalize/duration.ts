/** Reading speed for the estimate, in words per minute. */
const WORDS_PER_MINUTE = 200;
/** Time to read and try one code example, in minutes. */
const MINUTES_PER_CODE_BLOCK = 1;

/**
 * Minutes from a stated duration: a number (minutes) or text such as
 * "10 minutes", "1 hour 30 min", "1.5 h". Undefined when it does not parse.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return value > 0 ? Math.ceil(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) return parseDuration(Number(text));
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)\b/g)];
  if (parts.length === 0) return undefined;
  const minutes = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (unit?.startsWith("h") ? 60 : 1), 0);
  return parseDuration(minutes);
}

/** Reading time for lessons that do not state one: prose at 200 wpm plus a minute per code example. */
export function estimateDuration(words: number, codeBlocks: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE + codeBlocks * MINUTES_PER_CODE_BLOCK));
}
