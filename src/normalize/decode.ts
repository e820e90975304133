import { ImportError } from "./errors";
import type { Note } from "./notes";

export interface DecodedSource {
  /** The text with LF line endings and without a byte order mark. */
  text: string;
  notes: Note[];
}

/**
 * Decodes a raw lesson strictly as UTF-8. Sources are expected to be UTF-8;
 * guessing another encoding would silently produce mojibake, so invalid bytes
 * are an error that points at the first bad byte instead.
 */
export function decodeSource(raw: Uint8Array | string, file: string): DecodedSource {
  let text: string;
  if (typeof raw === "string") {
    text = raw.replace(/^\uFEFF/, "");
  } else {
    try {
      // The decoder drops a leading byte order mark itself.
      text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      const offset = firstInvalidByte(raw);
      const line = lineAtByte(raw, offset);
      throw new ImportError(file, `invalid UTF-8 at byte ${offset} (0x${hex(raw[offset])})`, {
        line,
        hint: "save the file as UTF-8",
      });
    }
  }
  const notes: Note[] = [];
  if (text.includes("\r")) {
    text = text.replace(/\r\n?/g, "\n");
    notes.push({ kind: "repaired", message: "converted CR/CRLF line endings to LF" });
  }
  return { text, notes };
}

/**
 * Offset of the first byte of the first malformed sequence. Feeding the
 * decoder one byte at a time in streaming mode makes it throw on the byte that
 * cannot continue the text, so TextDecoder stays the single judge of what
 * valid UTF-8 is; the error is reported at the lead byte of that sequence.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let sequenceStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      // Output means the pending sequence is complete; the next byte starts a new one.
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== "") sequenceStart = i + 1;
    } catch {
      return sequenceStart;
    }
  }
  // The text ends in the middle of a multi-byte sequence.
  return sequenceStart;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, "0");
}
