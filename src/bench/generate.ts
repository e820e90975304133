/**
 * Generated lessons for the build benchmark: realistic in size and shape
 * (about 1,500 words in five sections, three Python blocks with their output
 * blocks, prerequisites, keywords), deterministic for a given count, and
 * valid by the same schema and graph rules as real lessons.
 */
import { stringify } from "yaml";
import { DIFFICULTIES, type Difficulty, type LessonData } from "../lessons/schema";

/** A small seeded generator (mulberry32), so every run builds the same site. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYWORDS = [
  "asyncio",
  "coroutine",
  "event loop",
  "task",
  "gather",
  "future",
  "await",
  "timeout",
  "cancellation",
  "semaphore",
  "queue",
  "lock",
  "stream",
  "subprocess",
  "async iterator",
  "async context manager",
  "task group",
  "concurrency",
  "error handling",
  "callback",
];

const TOPICS = [
  "Scheduling Coroutines",
  "Waiting on Futures",
  "Bounded Concurrency",
  "Cancelling Work Safely",
  "Producer and Consumer Queues",
  "Timeouts That Hold",
  "Streams of Results",
  "Structured Concurrency",
  "Locks Without Deadlocks",
  "Running Blocking Code",
];

const SUBJECTS = [
  "The event loop",
  "A coroutine",
  "Each task",
  "The scheduler",
  "A future",
  "The program",
  "The caller",
];
const VERBS = ["schedules", "awaits", "suspends", "resumes", "cancels", "collects", "wraps", "returns", "reports"];
const OBJECTS = [
  "the pending callbacks",
  "every result in order",
  "a timeout error",
  "the next ready task",
  "the value of the future",
  "control to the loop",
  "work that would block",
  "the first exception raised",
];
const TAILS = [
  "while other tasks keep running",
  "as soon as the awaited operation completes",
  "without blocking the thread",
  "so the program stays responsive",
  "before the deadline passes",
  "once every child task has finished",
];

export interface GeneratedLesson {
  id: string;
  data: LessonData;
  /** The whole .mdx file. */
  text: string;
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

function sentence(next: () => number): string {
  return `${pick(next, SUBJECTS)} ${pick(next, VERBS)} ${pick(next, OBJECTS)} ${pick(next, TAILS)}.`;
}

/** About 100 words. */
function paragraph(next: () => number, keyword: string): string {
  const sentences = Array.from({ length: 7 }, () => sentence(next));
  sentences.splice(3, 0, `This is where \`${keyword}\` matters: ${sentence(next).toLowerCase()}`);
  return sentences.join(" ");
}

/** A Python block and the output it prints (the benchmark builds the site; the lessons' own blocks are what run). */
function example(index: number, variant: number): { code: string; output: string } {
  const factor = (index % 7) + 2;
  const examples = [
    {
      code: [
        "import asyncio",
        "",
        "async def step(n):",
        "    await asyncio.sleep(0.1 * n)",
        `    return n * ${factor}`,
        "",
        "async def main():",
        "    results = await asyncio.gather(*(step(n) for n in range(3)))",
        "    print(results)",
        "",
        "asyncio.run(main())",
      ],
      output: `[0, ${factor}, ${2 * factor}]`,
    },
    {
      code: [
        "import asyncio",
        "",
        "async def worker(name, queue):",
        "    while (item := await queue.get()) is not None:",
        '        print(f"{name} handled {item}")',
        "",
        "async def main():",
        "    queue = asyncio.Queue()",
        `    for item in range(${factor}):`,
        "        queue.put_nowait(item)",
        "    queue.put_nowait(None)",
        '    await worker("worker-1", queue)',
        "",
        "asyncio.run(main())",
      ],
      output: Array.from({ length: factor }, (_, item) => `worker-1 handled ${item}`).join("\n"),
    },
    {
      code: [
        "import asyncio",
        "",
        "async def slow():",
        "    await asyncio.sleep(5)",
        "",
        "async def main():",
        "    try:",
        `        await asyncio.wait_for(slow(), timeout=${factor / 10})`,
        "    except TimeoutError:",
        '        print("gave up waiting")',
        "",
        "asyncio.run(main())",
      ],
      output: "gave up waiting",
    },
  ];
  const chosen = examples[variant % examples.length]!;
  return { code: chosen.code.join("\n"), output: chosen.output };
}

export function generatedLessonId(index: number): string {
  return `generated-lesson-${String(index + 1).padStart(4, "0")}`;
}

/** `count` lessons whose prerequisites always point at earlier, no harder lessons. */
export function generateLessons(count: number, seed = 1): GeneratedLesson[] {
  const next = random(seed);
  const lessons: GeneratedLesson[] = [];
  for (let index = 0; index < count; index++) {
    const id = generatedLessonId(index);
    const difficulty: Difficulty = DIFFICULTIES[Math.min(2, Math.floor((index / count) * 3))]!;
    const level = DIFFICULTIES.indexOf(difficulty);
    const candidates = lessons.filter((lesson) => DIFFICULTIES.indexOf(lesson.data.difficulty) <= level);
    const prerequisites = new Set<string>();
    for (let n = 0; n < Math.min(2, candidates.length); n++) prerequisites.add(pick(next, candidates.slice(-20)).id);
    const keywordSet = new Set<string>();
    while (keywordSet.size < 4) keywordSet.add(pick(next, KEYWORDS));
    const keywords = [...keywordSet];
    const topic = pick(next, TOPICS);

    const data: LessonData = {
      title: `${topic}, Part ${index + 1}`,
      description: `${sentence(next).replace(/\.$/, "")}, shown with three runnable examples.`,
      difficulty,
      prerequisites: [...prerequisites],
      keywords,
      duration: 10,
      objectives: [`Use ${keywords[0]} in a program`, `Explain what ${keywords[1]} changes`],
      source: `content/sources/${id}.md`,
      language: "python",
      draft: false,
    };
    const sections: string[] = [];
    for (let part = 0; part < 5; part++) {
      const keyword = keywords[part % keywords.length]!;
      const paragraphs = Array.from({ length: 3 }, () => paragraph(next, keyword));
      let section = `## ${pick(next, TOPICS)}: step ${part + 1}\n\n${paragraphs.join("\n\n")}\n`;
      if (part < 3) {
        const { code, output } = example(index, part);
        section += `\n\`\`\`python\n${code}\n\`\`\`\n\n\`\`\`output\n${output}\n\`\`\`\n`;
      }
      sections.push(section);
    }
    const text = `---\n${stringify(data)}---\n\n${sections.join("\n")}`;
    lessons.push({ id, data, text });
  }
  return lessons;
}
