import { describe, expect, it } from "vitest";
import {
  comparisonTable,
  judgeTargets,
  pageCounts,
  pairRatios,
  phaseTable,
  targetTable,
  warmRatio,
  warmTable,
  type Run,
  type SizeComparison,
} from "../../../src/bench/compare";

const MIB = 1024 * 1024;
const run = (seconds: number, mib: number, log = ""): Run => ({ seconds, peakBytes: mib * MIB, log });
const comparison = (lessons: number, ours: Run[], starlight: Run[], warm = run(2, 500)): SizeComparison => ({
  lessons,
  ours,
  starlight,
  // One warm build after each cold one.
  oursWarm: ours.map(() => warm),
  starlightWarm: starlight.map(() => run(10, 1000)),
});

describe("pairRatios and warmRatio", () => {
  it("divide ours by Starlight's pair by pair, and each warm build by the cold build before it", () => {
    const sized = comparison(
      200,
      [run(10, 500), run(12, 600), run(30, 700)],
      [run(20, 1000), run(20, 1000), run(20, 1000)],
    );
    expect(pairRatios(sized).time).toEqual([0.5, 0.6, 1.5]);
    expect(pairRatios(sized).memory).toEqual([0.5, 0.6, 0.7]);
    expect(warmRatio(sized)).toBeCloseTo(2 / 12);
  });

  it("judge the warm rebuild without Starlight, and leave the Starlight targets unmeasured", () => {
    const alone = comparison(1000, [run(10, 500)], [], run(1.5, 400));
    expect(pairRatios(alone).time).toEqual([]);
    const [time, memory, warm] = judgeTargets([alone]);
    expect([time!.met, memory!.met]).toEqual([undefined, undefined]);
    expect(warm).toMatchObject({ measured: "0.15×", met: true });
  });

  it("gives no memory ratio where memory could not be read", () => {
    expect(pairRatios(comparison(4, [run(1, 0)], [run(1, 0)])).memory[0]).toBeNaN();
  });
});

describe("judgeTargets", () => {
  it("judges the 1,000-lesson targets on the median pair ratios and says what was not measured", () => {
    const fast = comparison(
      1000,
      [run(10, 500), run(11, 550), run(40, 900)],
      [run(25, 1000), run(25, 1000), run(25, 1000)],
      run(2, 400),
    );
    const targets = judgeTargets([fast]);
    expect(targets.slice(0, 3).map((target) => [target.measured, target.met])).toEqual([
      ["0.44×", true],
      ["0.55×", true],
      ["0.18×", true],
    ]);
    expect(
      targets.filter((target) => target.goal.startsWith("200 lessons")).every((target) => target.met === undefined),
    ).toBe(true);
  });

  it("reports a target missed", () => {
    const slow = comparison(1000, [run(30, 900)], [run(25, 1000)], run(20, 900));
    expect(
      judgeTargets([slow])
        .slice(0, 3)
        .map((target) => target.met),
    ).toEqual([false, false, false]);
    expect(targetTable(judgeTargets([slow]))).toContain("**not met**");
  });

  it("compares 4 and 200 lessons with the issue's figures for today", () => {
    const small = comparison(4, [run(2.4, 560)], [run(2.5, 645)]);
    const [time, memory] = judgeTargets([small]).filter((target) => target.goal.startsWith("4 lessons"));
    expect(time).toMatchObject({ measured: "0.96×", met: true });
    expect(memory!.met).toBe(true);
  });
});

describe("the report tables", () => {
  it("list every pair, the median and the warm builds", () => {
    const text = comparisonTable([comparison(200, [run(10, 500), run(30, 700)], [run(20, 1000), run(20, 1000)])]);
    expect(text).toContain("| 200 | cold 1 | 10.00 s | 20.00 s | 0.50× | 500 MiB / 1000 MiB | 0.50× |");
    expect(text).toContain("| 200 | cold 2 | 30.00 s | 20.00 s | 1.50× |");
    expect(text).toContain("| 200 | **median of the pairs** | 20.00 s | 20.00 s | **1.00×** |");
    expect(text).toContain("| 200 | warm 1: one lesson edited, caches kept | 2.00 s | 10.00 s | 0.20× |");
  });

  it("count the pages a warm build rendered and copied, and show them with each warm / cold pair", () => {
    const log = [
      " generating static routes ",
      "13:36:34   ├─ /404.html (+23ms) ",
      "13:36:34   ├─ /keywords/asyncio/index.html (restored)",
      "13:36:34   ├─ /lessons/extra/index.html \u001b[32m(cached)\u001b[39m",
      "13:36:34   ├─ /lessons/intro/index.html (+5ms) ",
      "13:36:34 ✓ Completed in 115ms.",
    ].join("\n");
    expect(pageCounts(log)).toEqual({ rendered: 2, reused: 2 });
    const warm = { ...run(3, 400, log), load: 2.5 };
    const text = warmTable([comparison(200, [{ ...run(12, 500), load: 2 }, run(10, 500)], [], warm)]);
    expect(text).toContain("| 200 | 1 | 12.00 s | 3.00 s | 0.25× | 2 / 2 | 2.0 / 2.5 |");
    expect(text).toContain("| 200 | 2 | 10.00 s | 3.00 s | 0.30× | 2 / 2 | n/a / 2.5 |");
    expect(text).toContain("| 200 | **median** |  |  | **0.28×** |  |  |");
  });

  it("shows n/a for a phase split it cannot read", () => {
    expect(phaseTable([comparison(4, [run(1, 1, "no phases here")], [run(1, 1)])])).toContain(
      "| 4 | ours, cold | n/a |",
    );
  });
});
