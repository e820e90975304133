/** What the importer infers when the source does not say. */
import { describe, expect, it } from "vitest";
import { inferDescription } from "../../../src/normalize/description";
import { inferDifficulty } from "../../../src/normalize/difficulty";
import { estimateDuration, parseDuration } from "../../../src/normalize/duration";
import { guessLanguage } from "../../../src/normalize/fences";
import { mapFrontmatter } from "../../../src/normalize/frontmatter";
import { normalizeLesson } from "../../../src/normalize/index";
import { inferKeywords } from "../../../src/normalize/keywords";
import { lessonIdFor } from "../../../src/lessons/ids";
import { parseMarkdown } from "../../../src/normalize/markdown";
import { resolvePrerequisites } from "../../../src/normalize/prerequisites";
import { cleanTitle } from "../../../src/normalize/title";

describe("cleanTitle", () => {
  it.each([
    [
      "Lesson 23: Asynchronous Programming with Async/Await (10 minutes)",
      "Asynchronous Programming with Async/Await",
      10,
    ],
    ["Lesson 5.2: Asynchronous Programming with async/await", "Asynchronous Programming with async/await", undefined],
    ["Chapter 4 - Event Loops [1 hour 15 min]", "Event Loops", 75],
    ["Key Points to Remember:", "Key Points to Remember", undefined],
    ["Tuples (2)", "Tuples (2)", undefined],
    ["Chapter 7 -- Generators", "Generators", undefined],
    ["Part II: Async Streams", "Async Streams", undefined],
    ["7. Generators", "Generators", undefined],
    ["12) Queues", "Queues", undefined],
    ["3.5 Ways to Wait", "3.5 Ways to Wait", undefined],
    ["Unit Testing Async Code", "Unit Testing Async Code", undefined],
  ])("%s", (raw, title, duration) => {
    const cleaned = cleanTitle(raw);
    expect(cleaned.title).toBe(title);
    expect(cleaned.duration).toBe(duration);
  });
});

describe("duration", () => {
  it.each([
    [10, 10],
    ["10 minutes", 10],
    ["1.5 hours", 90],
    ["1 h 30 min", 90],
    ["soon", undefined],
    [0, undefined],
  ])("parses %s", (value, minutes) => {
    expect(parseDuration(value)).toBe(minutes);
  });

  it("estimates 200 words a minute plus a minute per code block, rounded up, at least 1", () => {
    expect(estimateDuration(0, 0)).toBe(1);
    expect(estimateDuration(200, 0)).toBe(1);
    expect(estimateDuration(201, 0)).toBe(2);
    expect(estimateDuration(450, 3)).toBe(6);
  });

  it("is estimated when the source states none", () => {
    const words = Array.from({ length: 400 }, () => "word").join(" ");
    const { frontmatter } = normalizeLesson(
      `# Async Tasks\n\nThis lesson is about async tasks in Python.\n\n${words}\n\n\`\`\`python\nawait x\n\`\`\`\n`,
      {
        file: "t.md",
        source: "content/sources/t.md",
      },
    );
    // 408 words / 200 = 2.04 minutes, plus 1 for the code block, rounded up.
    expect(frontmatter.duration).toBe(4);
  });
});

describe("inferDescription", () => {
  const describeText = (markdown: string) => inferDescription(parseMarkdown(markdown));

  it("skips greetings, lead-ins, questions and fragments", () => {
    const text =
      "Welcome to Lesson 4! Let's dive in.\n\nWhy?\n\nExample:\n\nGenerators produce values lazily, one at a time. More text.";
    expect(describeText(text)).toBe("Generators produce values lazily, one at a time.");
  });

  it("strips markdown and shortens long sentences at a clause boundary", () => {
    const long = `The **event loop** runs \`async\` tasks, ${"switching between them whenever one waits, ".repeat(5)}which is why I/O-bound code gets faster.`;
    const description = describeText(long);
    expect(description).toMatch(/^The event loop runs async tasks, switching/);
    expect(description?.length).toBeLessThanOrEqual(200);
    expect(description).toMatch(/waits\.$/);
  });

  it("finds nothing in a lesson without prose", () => {
    expect(describeText("```python\nprint(1)\n```\n\n- list item only")).toBeUndefined();
  });
});

describe("inferDifficulty", () => {
  it("defaults to beginner", () => {
    expect(inferDifficulty("async def f(): await g()").difficulty).toBe("beginner");
  });
  it("is intermediate with three tools beyond a first async def", () => {
    expect(inferDifficulty("asyncio.create_task(x); asyncio.gather(a, b); the event loop").difficulty).toBe(
      "intermediate",
    );
  });
  it("is advanced with two advanced constructs", () => {
    expect(inferDifficulty("async def __aenter__(self): await asyncio.wait_for(x, 1)").difficulty).toBe("advanced");
  });
});

describe("inferKeywords", () => {
  it("ranks frequent concepts and inline code naming keywords or imported modules, singular", () => {
    const body = parseMarkdown(
      [
        "Coroutines run on the event loop. Coroutines are scheduled as tasks by the event loop.",
        "Use `await` with `asyncio.sleep()`; `await` pauses, and `asyncio` runs tasks. Call `helper()` twice: `helper()`.",
        "```python\nimport asyncio\n```",
      ].join("\n\n"),
    );
    const keywords = inferKeywords(body, "Python Coroutines");
    expect(keywords).toEqual(["coroutine", "event loop", "task", "await", "asyncio"]);
  });

  it("fills up to three keywords from the title", () => {
    expect(inferKeywords(parseMarkdown("Nothing technical here at all."), "Working with Sets and Dicts")).toEqual([
      "working",
      "set",
      "dict",
    ]);
  });
});

describe("guessLanguage", () => {
  it.each([
    ["import asyncio\nasyncio.run(main())", "python"],
    ["async def main():\n    pass", "python"],
    ["print('hi')", "python"],
    ["Task A starting\nTask A done", "text"],
    ["$ pip install aiohttp", "text"],
  ])("%s -> %s", (code, language) => {
    expect(guessLanguage(code)).toBe(language);
  });
});

describe("lessonIdFor", () => {
  it("keeps a meaningful kebab-case file name", () => {
    expect(lessonIdFor("content/sources/async-await-intro.md", "Whatever")).toEqual({
      id: "async-await-intro",
      from: "file name",
    });
  });
  it.each([
    ["content/sources/lesson-23.md"],
    ["content/sources/README.md"],
    ["content/sources/Async_Await.md"],
    ["content/sources/notes.md"],
  ])("uses the title for %s", (file) => {
    expect(lessonIdFor(file, "Async/Await: Café Edition!")).toEqual({ id: "async-await-cafe-edition", from: "title" });
  });
  it.each([
    ["producerconsumer.md", "Producer/Consumer Queues", "producer-consumer", "file name split by the title's words"],
    ["EventLoop.md", "Inside the Event Loop", "event-loop", "file name split by the title's words"],
    ["queues.md", "Producer/Consumer Queues", "producer-consumer-queues", "title"],
    ["asyncio.md", "Asyncio basics", "asyncio-basics", "title"],
    ["generators.md", "Chapter 7 -- Generators", "chapter-7-generators", "title"],
    ["notes.md", "I/O-bound work with asyncio.gather", "io-bound-work-with-asyncio-gather", "title"],
  ])("makes a readable id from %s titled %j", (file, title, id, from) => {
    expect(lessonIdFor(file, title)).toEqual({ id, from });
  });
});

describe("prerequisites", () => {
  it("keeps lesson ids, maps known topics to the Python docs and returns the rest as unresolved", () => {
    const { prerequisites, notes, unresolved } = resolvePrerequisites(
      [
        "async-await-intro",
        "Async Await Intro",
        "Generators",
        "Functions",
        "Quantum Physics",
        { title: "Asyncio", url: "https://docs.python.org/3/library/asyncio.html" },
      ].map((item, index) => ({ item, line: index + 10 })),
      [{ id: "async-await-intro" }],
    );
    expect(prerequisites).toEqual([
      "async-await-intro",
      { title: "Generators", url: "https://docs.python.org/3/howto/functional.html#generators" },
      { title: "Functions", url: "https://docs.python.org/3/tutorial/controlflow.html#defining-functions" },
      { title: "Asyncio", url: "https://docs.python.org/3/library/asyncio.html" },
    ]);
    expect(unresolved).toEqual([{ name: "Quantum Physics", line: 14 }]);
    expect(notes).toContainEqual({
      kind: "warning",
      message: expect.stringContaining('prerequisite "Quantum Physics" names no lesson'),
      line: 14,
    });
  });

  it.each([
    ["coroutines-tasks-event-loop"],
    ["Coroutines, Tasks and the Event Loop"],
    ["coroutines tasks and the event loop"],
    ["COROUTINES: TASKS AND THE EVENT-LOOP"],
    ["coroutines-tasks-and-the-event-loop"],
  ])("finds a lesson by id, title or slug of title, ignoring case and punctuation: %j", (name) => {
    const known = [
      { id: "async-await-intro", title: "Asynchronous Programming with Async/Await" },
      { id: "coroutines-tasks-event-loop", title: "Coroutines, Tasks and the Event Loop" },
    ];
    expect(resolvePrerequisites([{ item: name }], known).prerequisites).toEqual(["coroutines-tasks-event-loop"]);
  });

  it("are resolved against the lessons on the site when importing", () => {
    const { frontmatter, notes } = normalizeLesson(
      "---\nprerequisites: [async-await-intro, Generators, Knitting]\n---\n# Async Tasks\n\nThis lesson is about async tasks in Python.\n",
      { file: "t.md", source: "content/sources/t.md", knownIds: new Set(["async-await-intro"]) },
    );
    expect(frontmatter.prerequisites).toEqual([
      "async-await-intro",
      { title: "Generators", url: "https://docs.python.org/3/howto/functional.html#generators" },
    ]);
    expect(notes).toContainEqual({
      kind: "warning",
      message: expect.stringContaining('prerequisite "Knitting" names no lesson'),
      line: 2,
    });
  });

  it("keep an unresolved one as an MDX comment at the top of the body, with its line", () => {
    const { mdx } = normalizeLesson(
      "# Async Tasks\n\n## Prerequisites\n\n- Knitting {basics}\n- Async Basics\n\n## Overview\n\nThis lesson is about async tasks in Python.\n",
      { file: "t.md", source: "content/sources/t.md", knownLessons: [{ id: "async-intro", title: "Async basics" }] },
    );
    expect(mdx).toContain("prerequisites:\n  - async-intro\n");
    expect(mdx.split("---\n\n")[1]).toBe(
      "{/*\n" +
        "Before you start: prerequisites the importer found no lesson for. Add each as a lesson id\n" +
        "(or a title and url pair) under prerequisites: in the frontmatter, then delete this comment.\n" +
        "- Knitting basics (source line 5)\n" +
        "*/}\n\n" +
        "## Overview\n\nThis lesson is about async tasks in Python.\n",
    );
  });
});

describe("mapFrontmatter", () => {
  it("maps synonyms onto the schema, keeps unknown keys under extra with their line", () => {
    const { fields, notes } = mapFrontmatter(
      {
        title: "T",
        level: "Hard",
        tags: "Coroutines, Event Loops",
        estimated_time: "1h",
        author: "Doe, Jane",
        date: "2024-05-01",
        draft: false,
      },
      [],
      { date: 7, draft: 8 },
    );
    expect(fields).toEqual({
      title: "T",
      difficulty: "advanced",
      keywords: ["coroutine", "event loop"],
      duration: 60,
      authors: ["Doe, Jane"],
      extra: { date: "2024-05-01" },
      from: { title: "title", difficulty: "level", keywords: "tags", duration: "estimated_time", authors: "author" },
      statedAs: {
        title: "T",
        difficulty: "Hard",
        keywords: "Coroutines, Event Loops",
        duration: "1h",
        authors: "Doe, Jane",
      },
    });
    expect(notes).toEqual([
      { kind: "kept", message: "frontmatter date: not a lesson field; kept under extra:", line: 7 },
      { kind: "removed", message: "frontmatter draft (the importer sets it)", line: 8 },
    ]);
  });

  it.each([
    [{ level: "Intermediate" }, { difficulty: "intermediate" }],
    [{ Difficulty: "easy" }, { difficulty: "beginner" }],
    [{ level: "basic" }, { difficulty: "beginner" }],
    [{ level: "EXPERT" }, { difficulty: "advanced" }],
    [{ time: "15 min" }, { duration: 15 }],
    [{ minutes: 25 }, { duration: 25 }],
    [{ "reading-time": "90 minutes" }, { duration: 90 }],
    [{ summary: "A sentence about things." }, { description: "A sentence about things." }],
    [{ excerpt: "A sentence about things." }, { description: "A sentence about things." }],
    [{ topics: ["Tasks"] }, { keywords: ["task"] }],
    [{ authors: ["Ann Lee", "Bo Kim"] }, { authors: ["Ann Lee", "Bo Kim"] }],
    [{ author: "Ann Lee and Bo Kim" }, { authors: ["Ann Lee", "Bo Kim"] }],
  ])("maps %j", (data, expected) => {
    const { fields } = mapFrontmatter(data, []);
    const { from, statedAs, ...values } = fields;
    expect(Object.values(statedAs ?? {})).toEqual(Object.values(data));
    expect(values).toEqual(expected);
    expect(Object.values(from ?? {})).toEqual(Object.keys(data));
  });

  it("says in the import log which key and value a stated field came from", () => {
    const { notes } = normalizeLesson(
      "---\nlevel: Intermediate\nestimated_time: 25 min\nauthor: Ann Lee\nkeywords: [task]\n---\n# Tasks\n\nTasks let your program run many coroutines at the same time on one event loop.\n",
      { file: "t.md", source: "content/sources/t.md" },
    );
    const messages = notes.map((note) => note.message);
    expect(messages).toContain('difficulty: "intermediate" (from level: "Intermediate")');
    expect(messages).toContain('duration: 25 (from estimated_time: "25 min")');
    expect(messages).toContain('authors: ["Ann Lee"] (from author: "Ann Lee")');
    expect(messages).toContain('keywords: ["task"]');
  });

  it("prefers the field's own name and keeps the other synonym under extra", () => {
    const { fields, notes } = mapFrontmatter(
      { summary: "The summary sentence here.", description: "The description sentence here." },
      [],
    );
    expect(fields.description).toBe("The description sentence here.");
    expect(fields.extra).toEqual({ summary: "The summary sentence here." });
    expect(notes).toEqual([
      {
        kind: "kept",
        message: "frontmatter summary: description is already stated by description:; kept under extra:",
      },
    ]);
  });

  it("leaves values it cannot use to inference, with a warning", () => {
    const { fields, notes } = mapFrontmatter({ difficulty: "legendary", duration: "soon" }, []);
    expect(fields).toEqual({});
    expect(notes.map((note) => note.kind)).toEqual(["warning", "warning"]);
  });
});
