/**
 * Broken cross-links must stop the real build with a message naming the
 * file, the field and what is wrong. Two builds cover every kind of problem
 * (the message lists them all at once); the wording of each is unit-tested.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildFixtureSite, lessonFile, validFrontmatter, type FixtureBuild } from "../support/fixture-site";

let build: FixtureBuild | undefined;
afterEach(() => build?.cleanup());

const lesson = (title: string, overrides: Record<string, unknown> = {}) =>
  lessonFile(validFrontmatter({ title, source: `content/sources/${title.toLowerCase()}.md`, ...overrides }));

describe("the build with broken prerequisites", () => {
  it("fails, listing every problem with its file, field and offending chain", () => {
    build = buildFixtureSite({
      "async-intro.mdx": lesson("Intro"),
      "typo.mdx": lesson("Typo", { prerequisites: ["async-intr"] }),
      "selfish.mdx": lesson("Selfish", { prerequisites: ["selfish"] }),
      "chicken.mdx": lesson("Chicken", { prerequisites: ["egg"] }),
      "egg.mdx": lesson("Egg", { prerequisites: ["chicken"] }),
      "hard.mdx": lesson("Hard", { difficulty: "advanced" }),
      "easy.mdx": lesson("Easy", { prerequisites: ["hard"] }),
      "cpp.mdx": lesson("Cpp", { keywords: ["c++"] }),
      "csharp.mdx": lesson("Csharp", { keywords: ["c#"] }),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("The lessons have 6 problems; fix them and build again:");
    expect(build.output).toContain(
      'content/lessons/typo.mdx, prerequisites: "async-intr" is not the id of any lesson. Did you mean "async-intro"?',
    );
    expect(build.output).toContain(
      'content/lessons/selfish.mdx, prerequisites: the lesson requires itself ("selfish")',
    );
    expect(build.output).toContain(
      "content/lessons/chicken.mdx, prerequisites: circular prerequisites chicken -> egg -> chicken",
    );
    expect(build.output).toContain(
      'content/lessons/easy.mdx, prerequisites: "hard" is advanced, harder than this beginner lesson',
    );
    expect(build.output).toContain('content/lessons/cpp.mdx, keywords: keywords "c#" and "c++" would share the page');
    expect(build.output).not.toContain("Complete!");
  });

  it("fails on lesson files that map to one id, naming all of them", () => {
    build = buildFixtureSite({
      "intro.mdx": lesson("Intro"),
      "Intro.mdx": lesson("Intro again"),
      "intro.md": lesson("Intro in Markdown"),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      'content/lessons/Intro.mdx, file name: duplicate lesson id "intro": content/lessons/intro.md and ' +
        "content/lessons/intro.mdx map to it too; keep one file, named intro.mdx.",
    );
  });
});
