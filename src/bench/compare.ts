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
  /** The machine's 1-minute load average when the build started (shared machine); undefined when not read. */
  load?: number;
}

export interface SizeComparison {
  lessons: number;
  /** Cold builds, ours and Starlight's alternating: pair i is our run i and Starlight's run i. */
  ours: Run[];
  /** Empty when Starlight was not built (--skip-starlight). */
  starlight: Run[];
  /** Warm builds, one after each cold one: run i edits one lesson and builds again with the caches of cold run i. */
  oursWarm: Run[];
  starlightWarm: Run[];
}

/** Ours divided by Starlight's, pair by pair (none without Starlight). */
export function pairRatios(comparison: SizeComparison): { time: number[]; memory: number[] } {
  const pairs = comparison.starlight.map((starlight, index) => [comparison.ours[index]!, starlight] as const);
  return {
    time: pairs.map(([ours, starlight]) => ours.seconds / starlight.seconds),
    memory: pairs.map(([ours, starlight]) => (starlight.peakBytes > 0 ? ours.peakBytes / starlight.peakBytes : NaN)),
  };
}

/** Each warm rebuild divided by the cold build just before it (same copy, same lessons but the edit). */
export const warmRatios = (comparison: SizeComparison): number[] =>
  comparison.oursWarm.map((warm, index) => warm.seconds / comparison.ours[index]!.seconds);

/** The median of the pair-by-pair warm / cold ratios. */
export const warmRatio = (comparison: SizeComparison) => median(warmRatios(comparison));

/** Pages a build rendered and pages it copied from the last build (Astro's "(restored)" or "(cached)" lines). */
export function pageCounts(log: string): { rendered: number; reused: number } {
  // eslint-disable-next-line no-control-regex
  const lines = log.replace(/\u001b\[[0-9;]*m/g, "").split("\n");
  const routes = lines.filter((line) => /[├└]─ \//.test(line));
  const reused = routes.filter((line) => /\((restored|cached)\)\s*$/.test(line)).length;
  return { rendered: routes.length - reused, reused };
}

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
  const withStarlight = (comparison: SizeComparison | undefined) =>
    comparison && comparison.starlight.length > 0 ? comparison : undefined;
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
  const largeMedians = medians(withStarlight(large));
  targets.push(check("1,000 lessons: cold build ≤ 0.5× Starlight's wall time", largeMedians?.time, 0.5));
  targets.push(check("1,000 lessons: peak memory ≤ 0.6× Starlight's", largeMedians?.memory, 0.6));
  targets.push(
    check("1,000 lessons: warm rebuild after one edit ≤ 0.2× our cold build", large && warmRatio(large), 0.2),
  );
  for (const [lessons, baseline] of Object.entries(ISSUE_BASELINE)) {
    const found = medians(withStarlight(at(Number(lessons))));
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

/** The pair-by-pair table: one row per pair, the median, then the warm rebuilds, per size (sizes built with Starlight). */
export function comparisonTable(comparisons: readonly SizeComparison[]): string {
  const rows = comparisons
    .filter((comparison) => comparison.starlight.length > 0)
    .flatMap((comparison) => {
      const { time, memory } = pairRatios(comparison);
      const pair = (label: string, ours: Run, starlight: Run) => [
        String(comparison.lessons),
        label,
        seconds(ours.seconds),
        seconds(starlight.seconds),
        ratio(ours.seconds / starlight.seconds),
        `${mib(ours.peakBytes)} / ${mib(starlight.peakBytes)}`,
        ratio(starlight.peakBytes > 0 ? ours.peakBytes / starlight.peakBytes : NaN),
      ];
      const cold = comparison.starlight.map((starlight, index) =>
        pair(`cold ${index + 1}`, comparison.ours[index]!, starlight),
      );
      const summary = [
        String(comparison.lessons),
        "**median of the pairs**",
        seconds(median(comparison.ours.map((run) => run.seconds))),
        seconds(median(comparison.starlight.map((run) => run.seconds))),
        `**${ratio(median(time))}**`,
        "",
        `**${ratio(median(memory))}**`,
      ];
      const warm = comparison.starlightWarm.map((starlight, index) =>
        pair(`warm ${index + 1}: one lesson edited, caches kept`, comparison.oursWarm[index]!, starlight),
      );
      return [...cold, summary, ...warm];
    });
  return table(
    ["lessons", "build", "ours", "Starlight", "ratio", "peak memory (ours / Starlight)", "memory ratio"],
    rows,
    "llrrrrr",
  );
}

const load = (run: Run) => (run.load === undefined ? "n/a" : run.load.toFixed(1));

/**
 * Our warm rebuilds against our own cold builds, pair by pair (warm i follows cold i), with the pages each warm build
 * rendered and copied from the last build, and the load average when each build started.
 */
export function warmTable(comparisons: readonly SizeComparison[]): string {
  return table(
    ["lessons", "pair", "cold build", "warm rebuild after one edit", "warm / cold", "pages rendered / copied", "load"],
    comparisons.flatMap((comparison) => {
      const ratios = warmRatios(comparison);
      const pairs = comparison.oursWarm.map((warm, index) => {
        const cold = comparison.ours[index]!;
        const { rendered, reused } = pageCounts(warm.log);
        return [
          String(comparison.lessons),
          String(index + 1),
          seconds(cold.seconds),
          seconds(warm.seconds),
          ratio(ratios[index]!),
          `${rendered} / ${reused}`,
          `${load(cold)} / ${load(warm)}`,
        ];
      });
      const summary = [String(comparison.lessons), "**median**", "", "", `**${ratio(median(ratios))}**`, "", ""];
      return [...pairs, summary];
    }),
    "llrrrrr",
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

/** Phases of the first cold pair and the first warm pair, per size (Starlight's where built); "n/a" where a log could not be read. */
export function phaseTable(comparisons: readonly SizeComparison[]): string {
  const phasesOf = (run: Run): BuildPhases | undefined => {
    try {
      return parsePhases(run.log);
    } catch {
      return undefined;
    }
  };
  const header = ["lessons", "build", ...PHASES.map(([, label]) => label), "wall"];
  const row = (lessons: number, label: string, run: Run | undefined) => {
    if (!run) return [];
    const phases = phasesOf(run);
    return [
      [String(lessons), label, ...PHASES.map(([key]) => (phases ? seconds(phases[key]) : "n/a")), seconds(run.seconds)],
    ];
  };
  return table(
    header,
    comparisons.flatMap((comparison) => [
      ...row(comparison.lessons, "ours, cold", comparison.ours[0]),
      ...row(comparison.lessons, "Starlight, cold", comparison.starlight[0]),
      ...row(comparison.lessons, "ours, warm after one edit", comparison.oursWarm[0]),
      ...row(comparison.lessons, "Starlight, warm after one edit", comparison.starlightWarm[0]),
    ]),
    `ll${"r".repeat(PHASES.length + 1)}`,
  );
}
