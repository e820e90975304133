/**
 * The course's keyword vocabulary: one preferred term per concept and the
 * other spellings people use for it. The lesson schema refuses a synonym
 * ("use the preferred term"), and the importer writes the preferred term
 * instead, so hand edits and imports never split one concept over two
 * keyword pages. Keywords not listed here are allowed; add a concept here as
 * soon as it has a second spelling.
 *
 * Edit the data below; terms are lowercase and singular (the schema's keyword
 * rules), and a synonym belongs to one concept only (tests/unit/lessons/vocabulary.test.ts).
 */
/** This file, as messages name it. */
export const VOCABULARY_FILE = "src/lessons/vocabulary.ts";

export interface VocabularyTerm {
  /** The keyword lessons use. */
  preferred: string;
  /** Other spellings of the same concept; a lesson that uses one is told to use `preferred`. */
  synonyms: readonly string[];
}

export const VOCABULARY: readonly VocabularyTerm[] = [
  { preferred: "async", synonyms: ["async keyword"] },
  { preferred: "await", synonyms: ["await keyword", "await expression"] },
  { preferred: "asyncio", synonyms: ["async io", "async-io"] },
  { preferred: "aiohttp", synonyms: [] },
  {
    preferred: "asynchronous programming",
    synonyms: ["asynchronous", "async programming", "asynchronous code", "async code", "async/await"],
  },
  { preferred: "coroutine", synonyms: ["coroutine function", "coroutine object", "async function", "async def"] },
  { preferred: "event loop", synonyms: ["eventloop", "asyncio event loop"] },
  { preferred: "task", synonyms: ["asyncio task", "asyncio.task", "create task"] },
  { preferred: "gather", synonyms: ["asyncio.gather"] },
  { preferred: "concurrency", synonyms: ["concurrent", "concurrent programming", "concurrent execution"] },
  { preferred: "i/o-bound", synonyms: ["io-bound", "i/o bound", "io bound"] },
  { preferred: "cpu-bound", synonyms: ["cpu bound"] },
  { preferred: "non-blocking", synonyms: ["nonblocking", "non blocking"] },
  { preferred: "error handling", synonyms: ["exception", "exception handling", "try/except"] },
  { preferred: "async context manager", synonyms: ["async with", "asynchronous context manager"] },
  { preferred: "async iterator", synonyms: ["async for", "asynchronous iterator"] },
  { preferred: "context manager", synonyms: ["with statement"] },
  { preferred: "iterator", synonyms: [] },
  { preferred: "generator", synonyms: [] },
  { preferred: "threading", synonyms: ["thread", "multithreading"] },
  { preferred: "multiprocessing", synonyms: ["multiple processes", "process pool"] },
  { preferred: "callback", synonyms: [] },
  { preferred: "decorator", synonyms: [] },
];

const PREFERRED_BY_SYNONYM = new Map<string, string>(
  VOCABULARY.flatMap(({ preferred, synonyms }) => synonyms.map((synonym) => [synonym, preferred] as const)),
);

/**
 * The preferred term when `keyword` is a synonym; undefined when it is a
 * preferred term or not in the vocabulary. Pass the singular form too
 * (`singularPhrase` in schema.ts) to catch "exceptions".
 */
export function synonymOf(keyword: string): string | undefined {
  return PREFERRED_BY_SYNONYM.get(keyword);
}

/** The keyword as lessons should spell it: its preferred term if it is a synonym, else itself. */
export function preferredKeyword(keyword: string): string {
  return synonymOf(keyword) ?? keyword;
}
