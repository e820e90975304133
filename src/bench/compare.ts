/**
 * Our build against Starlight's, pair by pair: the ratios, the issue's
 * targets (met or not; reported, never asserted) and the report's tables.
 * Pure: the runs come in as numbers and build logs.
 */
import { parsePhases, type BuildPhases } from "./phases";
import { median, mib, seconds, table } from "./report";

export interface Run {
  seconds: number;
  peakBytes: number;
  log: string;
}

export interface SizeComparison {
  lessons: number;
  /** Cold builds, ours and Starlight's alternating: pair i is our run i and Starlight's run i. */
  ours: Run[];
  starlight: Run[];
  /** A build after editing one lesson, caches kept. */
  oursWarm: Run;
  starlightWarm: Run;
}

/** Ours divided by Starlight's, pair by pair. */
export function pairRatios(comparison: SizeComparison): { time: number[]; memory: number[] } {
  const pairs = comparison.ours.map((run, index) => [run, comparison.starlight[index]!] as const);
  return {
    time: pairs.map(([ours, starlight]) => ours.seconds / starlight.seconds),
    memory: pairs.map(([ours, starlight]) => (starlight.peakBytes > 0 ? ours.peakBytes / starlight.peakBytes : NaN)),
  };
}

/** Our warm rebuild after one edit, divided by the median of our cold builds. */
export const warmRatio = (comparison: SizeComparison) =>
  comparison.oursWarm.seconds / median(comparison.ours.map((run) => run.seconds));

/** "Today" in issue 15 (one run on a 2-core machine): ours / Starlight, cold, by lesson count. */
export const ISSUE_BASELINE: Record<number, { time: number; memory: number }> = {
  4: { time: 0.98, memory: 581 / 645 },
  200: { time: 1.08, memory: 1073 / 1163 },
};

export interface Target {
  goal: string;
  measured: string;
  /** undefined: the size was not benchmarked in this run. */
  met: boolean | undefined;
}

const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a");

/** The issue's targets, judged on the medians of the pair ratios. */
export function judgeTargets(comparisons: readonly SizeComparison[]): Target[] {
  const at = (lessons: number) => comparisons.find((comparison) => comparison.lessons === lessons);
  const targets: Target[] = [];
  const large = at(1000);
  const check = (goal: string, value: number | undefined, limit: number): Target => ({
    goal,
    measured: value === undefined ? "not measured in this run" : ratio(value),
    met: value === undefined || !Number.isFinite(value) ? undefined : value <= limit,
  });
  const medians = (comparison: SizeComparison | undefined) => {
    if (!comparison) return undefined;
    const { time, memory } = pairRatios(comparison);
    return { time: median(time), memory: median(memory) };
  };
  const largeMedians = medians(large);
  targets.push(check("1,000 lessons: cold build ≤ 0.5× Starlight's wall time", largeMedians?.time, 0.5));
  targets.push(check("1,000 lessons: peak memory ≤ 0.6× Starlight's", largeMedians?.memory, 0.6));
  targets.push(
    check("1,000 lessons: warm rebuild after one edit ≤ 0.2× our cold build", large && warmRatio(large), 0.2),
  );
  for (const [lessons, baseline] of Object.entries(ISSUE_BASELINE)) {
    const found = medians(at(Number(lessons)));
    targets.push(
      check(
        `${lessons} lessons: wall time ratio no worse than today (${ratio(baseline.time)})`,
        found?.time,
        baseline.time,
      ),
    );
    targets.push(
      check(
        `${lessons} lessons: memory ratio no worse than today (${ratio(baseline.memory)})`,
        found?.memory,
        baseline.memory,
      ),
    );
  }
  return targets;
}

const verdict = (met: boolean | undefined) => (met === undefined ? "not measured" : met ? "met" : "**not met**");

/** The pair-by-pair table: one row per pair, then the warm rebuilds, per size. */
export function comparisonTable(comparisons: readonly SizeComparison[]): string {
  const rows = comparisons.flatMap((comparison) => {
    const { time, memory } = pairRatios(comparison);
    const cold = comparison.ours.map((ours, index) => {
      const starlight = comparison.starlight[index]!;
      return [
        String(comparison.lessons),
        `cold ${index + 1}`,
        seconds(ours.seconds),
        seconds(starlight.seconds),
        ratio(time[index]!),
        `${mib(ours.peakBytes)} / ${mib(starlight.peakBytes)}`,
        ratio(memory[index]!),
      ];
    });
    const { oursWarm, starlightWarm } = comparison;
    const warm = [
      String(comparison.lessons),
      "one lesson edited, caches kept",
      seconds(oursWarm.seconds),
      seconds(starlightWarm.seconds),
      ratio(oursWarm.seconds / starlightWarm.seconds),
      `${mib(oursWarm.peakBytes)} / ${mib(starlightWarm.peakBytes)}`,
      ratio(starlightWarm.peakBytes > 0 ? oursWarm.peakBytes / starlightWarm.peakBytes : NaN),
    ];
    const summary = [
      String(comparison.lessons),
      "**median of the pairs**",
      seconds(median(comparison.ours.map((run) => run.seconds))),
      seconds(median(comparison.starlight.map((run) => run.seconds))),
      `**${ratio(median(time))}**`,
      "",
      `**${ratio(median(memory))}**`,
    ];
    return [...cold, summary, warm];
  });
  return table(
    ["lessons", "build", "ours", "Starlight", "ratio", "peak memory (ours / Starlight)", "memory ratio"],
    rows,
    "llrrrrr",
  );
}

/** Our warm rebuild against our own cold build, per size. */
export function warmTable(comparisons: readonly SizeComparison[]): string {
  return table(
    ["lessons", "our cold build (median)", "our warm rebuild after one edit", "warm / cold"],
    comparisons.map((comparison) => [
      String(comparison.lessons),
      seconds(median(comparison.ours.map((run) => run.seconds))),
      seconds(comparison.oursWarm.seconds),
      ratio(warmRatio(comparison)),
    ]),
    "lrrr",
  );
}

export function targetTable(targets: readonly Target[]): string {
  return table(
    ["target (issue 15)", "measured (median of pairs)", "verdict"],
    targets.map((target) => [target.goal, target.measured, verdict(target.met)]),
    "lrl",
  );
}

const PHASES: [keyof BuildPhases, string][] = [
  ["contentSync", "content sync"],
  ["bundling", "bundling (Vite; MDX compiled here)"],
  ["pageGeneration", "page generation"],
  ["afterBuild", "Pagefind and other build:done hooks"],
  ["total", "Astro's total"],
];

/** Phases of the first cold pair and of the warm builds, per size; "n/a" where a log could not be read. */
export function phaseTable(comparisons: readonly SizeComparison[]): string {
  const phasesOf = (run: Run): BuildPhases | undefined => {
    try {
      return parsePhases(run.log);
    } catch {
      return undefined;
    }
  };
  const header = ["lessons", "build", ...PHASES.map(([, label]) => label), "wall"];
  const row = (lessons: number, label: string, run: Run) => {
    const phases = phasesOf(run);
    return [
      String(lessons),
      label,
      ...PHASES.map(([key]) => (phases ? seconds(phases[key]) : "n/a")),
      seconds(run.seconds),
    ];
  };
  return table(
    header,
    comparisons.flatMap((comparison) => [
      row(comparison.lessons, "ours, cold", comparison.ours[0]!),
      row(comparison.lessons, "Starlight, cold", comparison.starlight[0]!),
      row(comparison.lessons, "ours, warm after one edit", comparison.oursWarm),
      row(comparison.lessons, "Starlight, warm after one edit", comparison.starlightWarm),
    ]),
    `ll${"r".repeat(PHASES.length + 1)}`,
  );
}
