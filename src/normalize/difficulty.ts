import type { Difficulty } from "../lessons/schema";

/**
 * Difficulty heuristic for sources that do not state one.
 *
 * Advanced signals are constructs that assume the reader already writes
 * async code comfortably (async protocol methods, wait_for/timeouts,
 * semaphores, executors); intermediate signals are the tools beyond a first
 * `async def` (tasks, gather, the event loop, third-party async libraries,
 * threads). Counting distinct signals, not mentions, keeps a long lesson from
 * scoring high by repetition:
 *   2+ advanced signals                        -> advanced
 *   1 advanced signal, or 3+ intermediate ones -> intermediate
 *   otherwise                                  -> beginner (the default)
 */
const ADVANCED: readonly RegExp[] = [
  /__a(?:enter|exit)__/,
  /__a(?:iter|next)__/,
  /\bStopAsyncIteration\b/,
  /\bwait_for\b/,
  /\bSemaphore\b/,
  /\brun_in_executor\b/,
  /\bmetaclass/i,
  /\bdescriptor protocol\b/i,
];

const INTERMEDIATE: readonly RegExp[] = [
  /\bcreate_task\b/,
  /\bgather\b/,
  /\bevent loop\b/i,
  /\baiohttp\b/,
  /\bthread(?:s|ing)?\b/i,
  /\bdecorators?\b/i,
  /\bgenerators?\b/i,
  /\bcontext managers?\b/i,
];

export function inferDifficulty(text: string): { difficulty: Difficulty; reason: string } {
  const advanced = ADVANCED.filter((signal) => signal.test(text)).length;
  const intermediate = INTERMEDIATE.filter((signal) => signal.test(text)).length;
  const counts = `${advanced} advanced, ${intermediate} intermediate signals`;
  if (advanced >= 2) return { difficulty: "advanced", reason: counts };
  if (advanced === 1 || intermediate >= 3) return { difficulty: "intermediate", reason: counts };
  return { difficulty: "beginner", reason: counts };
}
