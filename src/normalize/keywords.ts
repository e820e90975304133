import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { singularPhrase } from "../lessons/schema";
import { preferredKeyword } from "../lessons/vocabulary";

const MIN_KEYWORDS = 3;
const MAX_KEYWORDS = 8;
/** A term mentioned once is in passing; twice, the lesson is about it. */
const MIN_MENTIONS = 2;

/** The schema's keyword pattern. */
const KEYWORD = /^[a-z0-9][a-z0-9 .+#/-]*$/;

/**
 * Concepts that make good keywords when the prose mentions them, with the
 * spelling the site uses. Kept small on purpose: the lessons are Python
 * programming lessons, and a long list would mostly add noise.
 */
const VOCABULARY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\basynchronous programming\b/g, "asynchronous programming"],
  [/\bevent loops?\b/g, "event loop"],
  [/\bcoroutines?\b/g, "coroutine"],
  [/\btasks?\b/g, "task"],
  [/\bconcurren(?:cy|t|tly)\b/g, "concurrency"],
  [/\bi\/o[- ]bound\b/g, "i/o-bound"],
  [/\bnon-?blocking\b/g, "non-blocking"],
  [/\bcontext managers?\b/g, "context manager"],
  [/\biterators?\b/g, "iterator"],
  [/\bgenerators?\b/g, "generator"],
  [/\bthread(?:s|ing)?\b/g, "threading"],
  [/\bmultiprocessing\b/g, "multiprocessing"],
  [/\bexceptions?\b/g, "exception"],
  [/\bcallbacks?\b/g, "callback"],
  [/\bdecorators?\b/g, "decorator"],
];

/** Title words that never make a keyword on their own. */
const STOPWORDS = new Set(["about", "from", "into", "introduction", "using", "what", "when", "with", "your"]);

/** Python keywords worth a keyword when inline code names them. */
const PYTHON_KEYWORDS = new Set(["async", "await", "yield", "lambda"]);

/**
 * Lowercase, singular, deduplicated keywords; entries that are not keywords
 * (empty, punctuation) are returned separately so they can be reported.
 */
export function normalizeKeywords(words: readonly string[]): { keywords: string[]; rejected: string[] } {
  const keywords: string[] = [];
  const rejected: string[] = [];
  for (const word of words) {
    const keyword = preferredKeyword(singularPhrase(word.trim().toLowerCase().replace(/\s+/g, " ")));
    if (!KEYWORD.test(keyword)) rejected.push(word);
    else if (!keywords.includes(keyword)) keywords.push(keyword);
  }
  return { keywords, rejected };
}

/**
 * Keywords from the lesson body. Candidates and their scores:
 * - vocabulary concepts, one point per mention in the prose;
 * - inline code naming a Python keyword (`await`) or a module the lesson's
 *   code imports (`asyncio`, from `asyncio.sleep()` too), one point per mention.
 * Candidates mentioned at least twice are ranked by score, then by first
 * appearance, and the top 8 kept; if fewer than 3 qualify, lower-scoring
 * candidates and then words of the title fill up to 3.
 */
export function inferKeywords(body: Root, title: string): string[] {
  const modules = importedModules(body);
  const scores = new Map<string, number>();
  const bump = (keyword: string) => scores.set(keyword, (scores.get(keyword) ?? 0) + 1);

  visit(body, (node) => {
    if (node.type === "text") {
      const prose = node.value.toLowerCase();
      // In text order, so that ties are broken by first appearance.
      const mentions = VOCABULARY.flatMap(([pattern, keyword]) =>
        [...prose.matchAll(pattern)].map((match) => ({ at: match.index, keyword })),
      );
      for (const { keyword } of mentions.sort((a, b) => a.at - b.at)) bump(keyword);
    } else if (node.type === "inlineCode") {
      const identifiers = new Set(node.value.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
      for (const identifier of identifiers) {
        if (PYTHON_KEYWORDS.has(identifier) || modules.has(identifier)) bump(identifier);
      }
    }
  });

  const ranked = [...scores].sort((a, b) => b[1] - a[1]).map(([keyword]) => keyword);
  const frequent = ranked.filter((keyword) => (scores.get(keyword) ?? 0) >= MIN_MENTIONS).length;
  const fromTitle = title
    .toLowerCase()
    .split(/[^a-z0-9/+#-]+/)
    .filter((word) => word.length > 3 && !STOPWORDS.has(word));
  const count = frequent >= MIN_KEYWORDS ? Math.min(MAX_KEYWORDS, frequent) : MIN_KEYWORDS;
  return normalizeKeywords([...ranked, ...fromTitle]).keywords.slice(0, count);
}

/** Top-level modules the lesson's code imports. */
function importedModules(body: Root): Set<string> {
  const modules = new Set<string>();
  visit(body, "code", (code) => {
    for (const [, imported, from] of code.value.matchAll(/^\s*(?:import\s+([\w.]+)|from\s+([\w.]+)\s+import\b)/gm)) {
      const module = (imported ?? from ?? "").split(".")[0];
      if (module) modules.add(module.toLowerCase());
    }
  });
  return modules;
}
