/**
 * Repairs mojibake: UTF-8 text that was once decoded as Windows-1252 (or
 * Latin-1) and saved again, so "–" (E2 80 93) turned into "â€“".
 *
 * Rather than a list of known bad strings, every run of characters that
 * Windows-1252 can encode is turned back into those bytes, and each stretch of
 * bytes that forms a valid multi-byte UTF-8 sequence is decoded as UTF-8.
 * Characters that do not take part in such a sequence are left alone, so
 * ordinary accented text ("café", "naïve") survives: a lone "é" is not valid
 * UTF-8 on its own. Text that really means two such characters side by side
 * ("Ã©" as a literal) would be "repaired" too; lessons do not contain that.
 */

export interface MojibakeRepair {
  from: string;
  to: string;
  /** 1-based line of the repaired text. */
  line: number;
}

/** Character -> byte for the upper half of Windows-1252 (WHATWG mapping). */
const CP1252_BYTE: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder("windows-1252");
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    map.set(decoder.decode(Uint8Array.of(byte)), byte);
    // Latin-1 readers turn 0x80-0x9F into C1 controls instead of "€", "“", ...
    if (byte <= 0x9f) map.set(String.fromCharCode(byte), byte);
  }
  return map;
})();

/** Runs of two or more Windows-1252 upper-half characters: the shortest mojibake is two. */
const SUSPECT_RUN = new RegExp(
  `[${[...CP1252_BYTE.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]{2,}`,
  "g",
);

/** Text saved through the wrong encoding twice needs two rounds; more is not seen in practice. */
const MAX_ROUNDS = 3;

export function repairMojibake(text: string): { text: string; repairs: MojibakeRepair[] } {
  const repairs: MojibakeRepair[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found: MojibakeRepair[] = [];
    const next = current.replace(SUSPECT_RUN, (run, offset: number) => {
      const fixed = decodeRun(run);
      if (fixed !== run) found.push({ from: run, to: fixed, line: lineAt(current, offset) });
      return fixed;
    });
    if (found.length === 0) break;
    mergeRounds(repairs, found);
    current = next;
  }
  return { text: current, repairs };
}

/** Re-encodes a run as Windows-1252 bytes and decodes each valid UTF-8 sequence in it. */
function decodeRun(run: string): string {
  const chars = [...run];
  const bytes = Uint8Array.from(chars, (ch) => CP1252_BYTE.get(ch) ?? 0);
  const strict = new TextDecoder("utf-8", { fatal: true });
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] ?? 0);
    if (length > 1 && i + length <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + length));
        i += length;
        continue;
      } catch {
        // Not a real sequence: keep the character as written.
      }
    }
    if (bytes[i] === 0xe2 && bytes[i + 1] === 0x80 && !isContinuation(bytes[i + 2])) {
      // "”" is E2 80 9D, and 0x9D has no Windows-1252 character: many tools
      // dropped it, leaving a bare "â€". No other character ends up that way.
      out += "\u201d";
      i += 2;
      continue;
    }
    out += chars[i];
    i++;
  }
  return out;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Length of the UTF-8 sequence a lead byte announces; 1 for bytes that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * A second round repairs the output of the first; report it as one repair
 * from the original text to the final one.
 */
function mergeRounds(repairs: MojibakeRepair[], found: MojibakeRepair[]): void {
  for (const repair of found) {
    const earlier = repairs.find((r) => r.line === repair.line && r.to.includes(repair.from));
    if (earlier) earlier.to = earlier.to.replace(repair.from, repair.to);
    else repairs.push(repair);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
