/**
 * Settings of a Python code block, written in its fence's info string after
 * the language: ```python continue timeout=20
 *
 * The site (to show skip reasons) and the test runner (to run the block) read
 * them through this one parser, so a typo fails both the same way.
 */

export interface ExpectedException {
  /** Class name (`ValueError`) or qualified name (`asyncio.TimeoutError`). */
  type: string;
  /** `str()` of the exception; `...` matches any text. Absent: any message. */
  message?: string;
}

export interface BlockSettings {
  /** Run in the namespace left by the previous Python block of the same file. */
  continue: boolean;
  /** The block must end by raising this exception. */
  raises?: ExpectedException;
  /** Not run, for this reason (shown by the tests and on the page). */
  skip?: string;
  /** Talks to example.com/.org/.net, served by a local fixture server; runs on the real clock. */
  network: boolean;
  /** Runs on the real clock instead of the virtual one. */
  realtime: boolean;
  /** Wall-clock limit in seconds. */
  timeout: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 300;

export const SETTINGS_HELP =
  'Known settings: continue, raises="Type: message", skip="reason", network, realtime, timeout=<seconds>.';

export class SettingsError extends Error {}

interface Token {
  name: string;
  value?: string;
}

/** `a b=1 c="x y" d='z'` to tokens; throws on anything else (an unclosed quote). */
function tokenize(meta: string): Token[] {
  const tokens: Token[] = [];
  // A name, then optionally =value where the value is "double", 'single' or bare.
  const pattern = /\s*([^\s="']+)(?:=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)))?(?=\s|$)/y;
  const text = meta.trimEnd();
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (!match) {
      throw new SettingsError(`cannot read the code block settings "${meta}" (an unclosed quote?). ${SETTINGS_HELP}`);
    }
    const [, name, doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted?.replace(/\\(.)/g, "$1") ?? singleQuoted ?? bare;
    tokens.push(value === undefined ? { name: name! } : { name: name!, value });
  }
  return tokens;
}

function parseRaises(value: string): ExpectedException {
  const match = /^([A-Za-z_][\w.]*)(?::\s?([\s\S]*))?$/.exec(value.trim());
  if (!match) {
    throw new SettingsError(`raises="${value}" must name an exception class, e.g. raises="ValueError: bad input".`);
  }
  return match[2] === undefined ? { type: match[1]! } : { type: match[1]!, message: match[2] };
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new SettingsError(`timeout=${value} must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}.`);
  }
  return seconds;
}

/**
 * Parses the part of the info string after the language. Throws a
 * SettingsError (without a location: callers add file and line) on unknown
 * or malformed settings.
 */
export function parseSettings(meta: string | null | undefined): BlockSettings {
  const settings: BlockSettings = {
    continue: false,
    network: false,
    realtime: false,
    timeout: DEFAULT_TIMEOUT_SECONDS,
  };
  const seen = new Set<string>();
  for (const { name, value } of tokenize(meta ?? "")) {
    if (seen.has(name)) throw new SettingsError(`the setting "${name}" is given twice.`);
    seen.add(name);
    const flag = (key: "continue" | "network" | "realtime") => {
      if (value !== undefined) throw new SettingsError(`the setting "${name}" takes no value; write just ${name}.`);
      settings[key] = true;
    };
    const needValue = (example: string): string => {
      if (value === undefined || value.trim() === "") {
        throw new SettingsError(`the setting "${name}" needs a value, e.g. ${example}.`);
      }
      return value;
    };
    switch (name) {
      case "continue":
      case "network":
      case "realtime":
        flag(name);
        break;
      case "raises":
        settings.raises = parseRaises(needValue('raises="ValueError: bad input"'));
        break;
      case "skip":
        settings.skip = needValue('skip="needs a database server"').trim();
        break;
      case "timeout":
        settings.timeout = parseTimeout(needValue("timeout=30"));
        break;
      default:
        throw new SettingsError(`unknown code block setting "${name}". ${SETTINGS_HELP}`);
    }
  }
  return settings;
}
