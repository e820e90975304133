/**
 * getCourse() as the pages call it, with the collection faked: in a build the
 * collection is read and the lessons validated once, however many pages ask.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { entry } from "./entries";

const calls = vi.hoisted(() => ({ collection: 0, validation: 0 }));

vi.mock("astro:content", () => ({
  getCollection: async (name: string) => {
    calls.collection += 1;
    return name === "lessons" ? [entry("intro"), entry("next", { prerequisites: ["intro"] })] : [];
  },
}));

vi.mock("../../../src/graph/validate", async (original) => {
  const actual = await original<typeof import("../../../src/graph/validate")>();
  return {
    ...actual,
    validateLessons: (...args: Parameters<typeof actual.validateLessons>) => {
      calls.validation += 1;
      return actual.validateLessons(...args);
    },
  };
});

beforeEach(() => {
  calls.collection = 0;
  calls.validation = 0;
  vi.resetModules();
});
afterEach(() => vi.unstubAllEnvs());

describe("getCourse", () => {
  it("builds and validates the course once per build, for every page", async () => {
    vi.stubEnv("DEV", false);
    const { getCourse } = await import("../../../src/lessons/collection");
    const pages = await Promise.all([getCourse(), getCourse(), getCourse()]);
    const later = await getCourse();
    expect(pages.every((course) => course === later)).toBe(true);
    expect(later.lessons.map((lesson) => lesson.id)).toEqual(["intro", "next"]);
    expect(calls).toEqual({ collection: 1, validation: 1 });
  });

  it("builds it afresh for each page under astro dev, where lessons change while the server runs", async () => {
    vi.stubEnv("DEV", true);
    const { getCourse } = await import("../../../src/lessons/collection");
    const [first, second] = [await getCourse(), await getCourse()];
    expect(second).not.toBe(first);
    expect(calls).toEqual({ collection: 2, validation: 2 });
  });
});
