/**
 * Ports for servers the browser tests start themselves, next to the preview
 * server on E2E_PORT (default as in playwright.config.ts). Each test file that
 * needs one takes its own offset, so parallel workers never collide.
 */
export function e2ePort(offset: 1 | 2): number {
  return Number(process.env.E2E_PORT ?? 4330) + offset;
}
