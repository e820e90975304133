import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_SECONDS, parseSettings, SettingsError } from "../../../src/codeblocks/settings";

describe("parseSettings", () => {
  it("gives the defaults for a bare fence", () => {
    expect(parseSettings(null)).toEqual({
      continue: false,
      network: false,
      realtime: false,
      timeout: DEFAULT_TIMEOUT_SECONDS,
    });
  });

  it("reads flags, quoted and bare values", () => {
    expect(parseSettings(`continue raises="ValueError: can't parse \\"x\\"" timeout=2.5`)).toMatchObject({
      continue: true,
      raises: { type: "ValueError", message: `can't parse "x"` },
      timeout: 2.5,
    });
    expect(parseSettings("skip='needs a database server'")).toMatchObject({ skip: "needs a database server" });
    expect(parseSettings("network realtime")).toMatchObject({ network: true, realtime: true });
  });

  it("reads an exception with or without a message", () => {
    expect(parseSettings('raises="asyncio.TimeoutError"').raises).toEqual({ type: "asyncio.TimeoutError" });
    expect(parseSettings("raises=\"KeyError: 'a: b'\"").raises).toEqual({ type: "KeyError", message: "'a: b'" });
  });

  it.each([
    ["continu", /unknown code block setting "continu"\. Known settings: continue/],
    ["skip", /"skip" needs a value, e\.g\. skip="needs a database server"/],
    ['skip=""', /"skip" needs a value/],
    ["continue=yes", /"continue" takes no value/],
    ["timeout=0", /timeout=0 must be a number of seconds above 0/],
    ["timeout=soon", /timeout=soon must be a number/],
    ['raises="not an exception"', /must name an exception class/],
    ["network network", /"network" is given twice/],
    ['skip="unclosed', /cannot read the code block settings/],
  ])("rejects %j", (meta, message) => {
    expect(() => parseSettings(meta)).toThrow(SettingsError);
    expect(() => parseSettings(meta)).toThrow(message);
  });
});
