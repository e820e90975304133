/**
 * The Markdown features lessons are compiled with (Sätteri's built-in GFM and
 * smart punctuation, Astro's defaults), named once for astro.config.mjs and
 * for the tests that compile lessons the way the build does.
 */
import type { Features } from "satteri";

export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const satisfies Features;
