import { describe, expect, it } from "vitest";
import {
  FORMAT,
  parseProgress,
  ProgressFileError,
  progressText,
  readStored,
  toggled,
  VERSION,
} from "../../../src/progress/store.js";

const file = (completed: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: FORMAT, version: VERSION, completed, ...extra });

/** A Storage with just what readStored uses. */
const storage = (items: Record<string, string>) => ({ getItem: (key: string) => items[key] ?? null });

describe("progress files", () => {
  it("read back what progressText writes", () => {
    const completed = { "async-intro": "abc123", "event-loop": "d4" };
    expect(parseProgress(progressText(completed))).toEqual(completed);
    expect(JSON.parse(progressText(completed))).toEqual({ format: FORMAT, version: VERSION, completed });
  });

  it.each([
    ["{not json", /^mine\.json is not JSON \(.+\)\. Choose a file saved by “Export progress”\.$/],
    ["[1, 2]", /^mine\.json is not a progress file: it has no "format": "lesson-progress"\./],
    [JSON.stringify({ format: "something-else", version: 1, completed: {} }), /has no "format": "lesson-progress"/],
    [file({}, { version: 2 }), /^mine\.json has version 2; this site reads version 1\./],
    [file({}, { version: undefined }), /^mine\.json has version undefined;/],
    [file(["async-intro"]), /^mine\.json: "completed" is a list, not an object\./],
    [file(null), /"completed" is null, not an object/],
    [file({ "Async Intro": "x" }), /"Async Intro" in "completed" is not a lesson id/],
    [file({ "../etc": "x" }), /"\.\.\/etc" in "completed" is not a lesson id/],
    [file({ "async-intro": 5 }), /lesson "async-intro" in "completed" has number as its digest, not a short text/],
    [file({ "async-intro": "x".repeat(201) }), /has string as its digest, not a short text/],
  ])("refuse %s with a reason naming the file", (text, message) => {
    expect(() => parseProgress(text, "mine.json")).toThrow(ProgressFileError);
    expect(() => parseProgress(text, "mine.json")).toThrow(message);
  });

  it("keep only lesson ids and digests, in a fresh object", () => {
    const parsed = parseProgress(file({ "async-intro": "abc" }));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed).toEqual({ "async-intro": "abc" });
    // "__proto__" is not a lesson id, so it cannot reach the object's prototype.
    expect(() => parseProgress('{"format":"lesson-progress","version":1,"completed":{"__proto__":"x"}}')).toThrow(
      /"__proto__" in "completed" is not a lesson id/,
    );
  });
});

describe("stored progress", () => {
  it("is read from its key; a missing or damaged record counts as none", () => {
    expect(readStored(storage({ k: file({ a: "1" }) }), "k")).toEqual({ a: "1" });
    expect(readStored(storage({ other: file({ a: "1" }) }), "k")).toEqual({});
    expect(readStored(storage({ k: "{damaged" }), "k")).toEqual({});
  });

  it("toggles a lesson: marked with its digest, then unmarked, leaving the others and the input alone", () => {
    const before = { a: "1" };
    const marked = toggled(before, "b", "digest-b");
    expect(marked).toEqual({ a: "1", b: "digest-b" });
    expect(toggled(marked, "b", "digest-b")).toEqual({ a: "1" });
    // A lesson completed in an older version is unmarked too; marking it again records the new digest.
    expect(toggled({ a: "old" }, "a", "new")).toEqual({});
    expect(before).toEqual({ a: "1" });
  });
});
