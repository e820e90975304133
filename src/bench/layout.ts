/**
 * The learning path's share of a build, without a build: the course graph
 * and the picture's layout for generated lessons, timed in this process
 * (median of a few runs, after one warm-up), so the 1,000-lesson figure is
 * cheap to get even when the 1,000-lesson builds are not run.
 */
import { performance } from "node:perf_hooks";
import { buildCourse } from "../graph/course";
import { graphLesson } from "../graph/graph";
import { layoutPicture } from "../graph/picture";
import { generateLessons } from "./generate";
import { median, table } from "./report";

export interface LayoutTiming {
  lessons: number;
  /** Validation, reading order and cross-links (src/graph/course.ts). */
  courseSeconds: number;
  layoutSeconds: number;
  width: number;
  height: number;
}

export function timeLayout(lessons: number, runs = 5): LayoutTiming {
  const graphLessons = generateLessons(lessons).map((item) => graphLesson(item.id, `${item.id}.mdx`, item.data));
  const course: number[] = [];
  const layout: number[] = [];
  let size = { width: 0, height: 0 };
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const built = buildCourse(graphLessons);
    const laidOutAt = performance.now();
    const picture = layoutPicture(built.graph, (id) => `/lessons/${id}/`);
    const done = performance.now();
    size = { width: picture.width, height: picture.height };
    if (run === 0) continue; // warm-up
    course.push((laidOutAt - started) / 1000);
    layout.push((done - laidOutAt) / 1000);
  }
  return { lessons, courseSeconds: median(course), layoutSeconds: median(layout), ...size };
}

const milliseconds = (value: number) => `${(value * 1000).toFixed(1)} ms`;

export function layoutTable(timings: readonly LayoutTiming[]): string {
  return table(
    ["lessons", "course graph (median)", "picture layout (median)", "picture size"],
    timings.map((timing) => [
      String(timing.lessons),
      milliseconds(timing.courseSeconds),
      milliseconds(timing.layoutSeconds),
      `${timing.width} × ${timing.height} px`,
    ]),
    "lrrr",
  );
}
