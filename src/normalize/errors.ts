/**
 * Errors the importer reports to the person running it. Anything thrown as an
 * ImportError is a problem with the input, not a bug: the CLI prints it without
 * a stack trace and exits 1.
 */
export interface ImportErrorDetails {
  /** 1-based line in the raw file, where the problem can be pinned down. */
  line?: number;
  /** What to do about it. */
  hint?: string;
}

export class ImportError extends Error {
  override readonly name = "ImportError";
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string | undefined;
  /** The problem without the location prefix. */
  readonly reason: string;

  constructor(file: string, reason: string, details: ImportErrorDetails = {}) {
    const where = details.line === undefined ? file : `${file}:${details.line}`;
    super(`${where}: ${reason}${details.hint === undefined ? "" : ` (${details.hint})`}`);
    this.file = file;
    this.line = details.line;
    this.hint = details.hint;
    this.reason = reason;
  }
}
