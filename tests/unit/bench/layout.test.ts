import { describe, expect, it } from "vitest";
import { layoutTable, timeLayout } from "../../../src/bench/layout";
import { COLUMNS, NODE_WIDTH } from "../../../src/graph/picture";

describe("timeLayout", () => {
  it("times the course graph and the picture of generated lessons and reports the picture's size", () => {
    const timing = timeLayout(50, 1);
    expect(timing.lessons).toBe(50);
    expect(timing.width).toBeGreaterThan((COLUMNS - 1) * NODE_WIDTH);
    expect(timing.height).toBeGreaterThan(timing.width);
    expect(timing.courseSeconds).toBeGreaterThan(0);
    expect(timing.layoutSeconds).toBeGreaterThan(0);
  });

  it("prints milliseconds and the size", () => {
    const text = layoutTable([
      { lessons: 1000, courseSeconds: 0.2712, layoutSeconds: 0.0412, width: 944, height: 30768 },
    ]);
    expect(text).toContain("| 1000 | 271.2 ms | 41.2 ms | 944 × 30768 px |");
  });
});
