/**
 * npm run bench: figures too machine-dependent for tests. Builds the course
 * and generated sites of 4, 200 and 1,000 lessons in temp folders (several
 * cold builds, with peak memory), each generated size against an Astro
 * Starlight site with the same lessons, built alternately in the same run,
 * then once more after editing one lesson (caches kept); weighs the lesson
 * pages and the learning path, measures one search in Chromium, times the
 * code blocks, and writes BENCHMARKS.md.
 *
 *   npm run bench -- --runs 5 --sizes 4,200,1000 --query gather --out BENCHMARKS.md
 *   npm run bench -- --sizes 200 --skip-starlight
 */
import { globSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { budgetsFor, overBudgets } from "../quality/budgets";
import { pageWeight, type PageWeight } from "../quality/page-weight";
import { addressBook, PYTHON_DIR } from "../site/urls";
import { benchCodeBlocks, formatCodeBlockTable } from "./codeblocks";
import { generateLessons } from "./generate";
import { pageRenderSeconds } from "./phases";
import { comparisonTable, judgeTargets, phaseTable, targetTable, warmTable, type SizeComparison } from "./compare";
import { layoutTable, timeLayout } from "./layout";
import { describeMachine } from "./machine";
import { kib, median, mib, seconds, table } from "./report";
import { measureRun, type RunCost } from "./runner";
import { measureQuery, type QueryCost } from "./search";
import {
  courseLessons,
  editOneLesson,
  folderBytes,
  prepareSite,
  ROOT,
  timeBuild,
  type BenchSite,
  type BuildRun,
} from "./site";
import { installStarlight, prepareStarlightSite, type StarlightInstall } from "./starlight";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    sizes: { type: "string", default: "4,200,1000" },
    "skip-starlight": { type: "boolean", default: false },
    query: { type: "string", default: "gather" },
    out: { type: "string", default: join(ROOT, "BENCHMARKS.md") },
  },
});
const runs = Number(options.runs);
const sizes = options.sizes.split(",").filter(Boolean).map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(
    "npm run bench: --runs takes a whole number of at least 1, --sizes a comma-separated list of lesson counts.",
  );
  process.exit(2);
}

interface SiteResult {
  name: string;
  lessons: number;
  pages: number;
  builds: BuildRun[];
  index: { files: number; bytes: number };
  lessonPages: PageWeight[];
  pathPage: PageWeight;
  query: QueryCost;
  comparison?: SizeComparison;
  /** Running a block in the browser (the course only). */
  run?: RunCost;
}

const log = (text: string) => process.stderr.write(text);

const COURSE = "the course";

const build = async (label: string, site: BenchSite, cold: boolean): Promise<BuildRun> => {
  log(`[bench] ${label}... `);
  const run = await timeBuild(site, { cold });
  log(`${seconds(run.seconds)}, peak ${mib(run.peakBytes)}\n`);
  return run;
};

/**
 * Our site's builds, alternating with Starlight's when `starlight` is given: each run is a cold build of each, then
 * one lesson edited in each and a warm build of each with the caches of that cold build. Warm and cold builds
 * alternate so that both see the same load on a shared machine.
 */
async function benchSite(
  name: string,
  lessons: Record<string, string>,
  starlight?: StarlightInstall,
  warm = true,
): Promise<SiteResult> {
  const site = prepareSite(lessons);
  const rival = starlight && prepareStarlightSite(starlight, lessons);
  try {
    const builds: BuildRun[] = [];
    const rivalBuilds: BuildRun[] = [];
    const warmBuilds: BuildRun[] = [];
    const rivalWarmBuilds: BuildRun[] = [];
    for (let run = 1; run <= runs; run++) {
      builds.push(await build(`${name}: cold build ${run} of ${runs}`, site, true));
      if (rival) rivalBuilds.push(await build(`${name}, Starlight: cold build ${run} of ${runs}`, rival, true));
      if (!warm) continue;
      editOneLesson(site, `edited ${run}`);
      warmBuilds.push(await build(`${name}: warm build ${run} after editing one lesson`, site, false));
      if (rival) {
        editOneLesson(rival, `edited ${run}`);
        rivalWarmBuilds.push(
          await build(`${name}, Starlight: warm build ${run} after editing one lesson`, rival, false),
        );
      }
    }
    const comparison: SizeComparison | undefined = warm
      ? {
          lessons: Object.keys(lessons).length,
          ours: builds,
          starlight: rivalBuilds,
          oursWarm: warmBuilds,
          starlightWarm: rivalWarmBuilds,
        }
      : undefined;
    const ids = readdirSync(join(site.dist, "lessons"));
    log(`[bench] ${name}: searching for "${options.query}" in Chromium\n`);
    const query = await measureQuery(site.dist, options.query);
    let run: RunCost | undefined;
    if (name === COURSE) {
      log(`[bench] ${name}: running a block in Chromium\n`);
      run = await measureRun(site.dist, ids.sort());
    }
    return {
      name,
      lessons: ids.length,
      pages: globSync("**/*.html", { cwd: site.dist }).length,
      builds,
      index: folderBytes(join(site.dist, "pagefind")),
      lessonPages: ids.map((id) => pageWeight(site.dist, addressBook("/").lesson(id))),
      pathPage: pageWeight(site.dist, addressBook("/").path),
      query,
      comparison,
      ...(run && { run }),
    };
  } finally {
    site.cleanup();
    rival?.cleanup();
  }
}

const starlight = options["skip-starlight"] || sizes.length === 0 ? undefined : installStarlight(log);
const sites: SiteResult[] = [];
try {
  sites.push(await benchSite(COURSE, courseLessons(), undefined, false));
  for (const size of sizes) {
    const lessons = Object.fromEntries(generateLessons(size).map((lesson) => [`${lesson.id}.mdx`, lesson.text]));
    sites.push(await benchSite(`${size} generated lessons`, lessons, starlight));
  }
} finally {
  starlight?.cleanup();
}
log("[bench] running the code blocks\n");
const blocks = await benchCodeBlocks();

const buildTable = table(
  ["site", "lessons", "pages", `median of ${runs}`, "fastest – slowest", "peak memory", "Pagefind index"],
  sites.map((site) => {
    const times = site.builds.map((build) => build.seconds);
    return [
      site.name,
      String(site.lessons),
      String(site.pages),
      seconds(median(times)),
      `${seconds(Math.min(...times))} – ${seconds(Math.max(...times))}`,
      mib(Math.max(...site.builds.map((build) => build.peakBytes))),
      `${kib(site.index.bytes)} in ${site.index.files} files`,
    ];
  }),
  "lrrrrrr",
);

const weightRow = (label: string, weight: PageWeight) => {
  const within = overBudgets(weight).length === 0;
  return [
    label,
    kib(weight.html.raw),
    kib(weight.css.raw),
    kib(weight.js.raw),
    kib(weight.total.raw),
    kib(weight.total.gzip),
    within ? "yes" : "**no**",
  ];
};
const byTotal = (pages: PageWeight[]) => [...pages].sort((a, b) => a.total.raw - b.total.raw);
const course = sites[0]!;
const generated = sites.slice(1).flatMap((site) => {
  const sorted = byTotal(site.lessonPages);
  return [
    weightRow(`${site.name}: median page`, sorted[Math.floor(sorted.length / 2)]!),
    weightRow(`${site.name}: largest page`, sorted.at(-1)!),
  ];
});
const budgets = budgetsFor("/lessons/");
const pageTable = table(
  ["lesson page", "HTML", "CSS", "JS before interaction", "total", "total, gzip", "within budgets"],
  [
    ...byTotal(course.lessonPages).map((weight) => weightRow(`\`${weight.page}\``, weight)),
    ...generated,
    [
      "_budget_",
      "",
      kib(budgets.css),
      kib(budgets.jsBeforeInteraction),
      kib(budgets.totalRaw),
      kib(budgets.totalGzip),
      "",
    ],
  ],
  "lrrrrrr",
);

const queryTable = table(
  ["site", "query", "results shown", "index requests", "index bytes fetched", "search UI module"],
  sites.map((site) => [
    site.name,
    `\`${site.query.query}\``,
    String(site.query.results),
    String(site.query.indexRequests),
    kib(site.query.indexBytes),
    kib(site.query.uiBytes),
  ]),
  "llrrrr",
);

const pathBudgets = budgetsFor("/path/");
const pathTable = table(
  ["site", "HTML", "CSS", "total", "total, gzip", "within budgets", "rendered in (first cold build)"],
  [
    ...sites.map((site) => {
      const [label, html, css, , total, gzip, within] = weightRow(site.name, site.pathPage);
      const rendered = pageRenderSeconds(site.builds[0]!.log, "/path/index.html");
      return [label!, html!, css!, total!, gzip!, within!, rendered === undefined ? "n/a" : seconds(rendered)];
    }),
    ["_budget_", "", kib(pathBudgets.css), kib(pathBudgets.totalRaw), kib(pathBudgets.totalGzip), "", ""],
  ],
  "lrrrrrr",
);

const comparisons = sites.flatMap((site) => (site.comparison ? [site.comparison] : []));
const compared = comparisons.filter((comparison) => comparison.starlight.length > 0);
const versions = starlight ? `\`@astrojs/starlight\` ${starlight.starlight} with Astro ${starlight.astro}` : "";
const comparisonSection =
  compared.length === 0
    ? "Not run (`--skip-starlight`, or no generated sizes)."
    : `Our site against ${versions}, installed from the npm registry into a temp folder for this run, with the same generated lessons (Starlight's home page added), built alternately: our cold build, then Starlight's, then one lesson edited in each (title and one sentence) and each built again with its caches kept; ${runs === 1 ? "once" : `${runs} times`}. Ratios are ours / Starlight's, pair by pair; memory is the peak resident memory of each build's process tree.

${comparisonTable(compared)}

### Targets

Reported, not asserted (machine-dependent). "Today" is the table in issue 15.

${targetTable(judgeTargets(comparisons))}`;

const warmSection =
  comparisons.length === 0
    ? "Not run (no generated sizes)."
    : `Each cold build of a generated site is followed by a warm one in the same copy: the first lesson (by file name) gets a new title and one more sentence, and the site is built again with every cache kept (Astro's content store and incremental-build manifest, our cache of compiled lessons). Warm / cold is pair by pair, each warm build against the cold build just before it, so both saw about the same load (the 1-minute load average when each started is in the last column). Pages copied are those Astro's incremental build restored from the last build instead of rendering them (\`cacheKey\`, README "Incremental builds").

${warmTable(comparisons)}

### Phase split

From each build's log (\`src/bench/phases.ts\`): content sync is Astro's "[types] Generated", bundling the "[vite] built in" lines added up (MDX is compiled here), page generation the "generating static routes" step, and the rest of Astro's total is what runs after the static build (Pagefind, and for our site the sitemap and the search UI bundle). Wall time also counts Node's start-up and loading the config.

${phaseTable(comparisons)}`;

log("[bench] timing the learning path's layout\n");
const layoutSizes = [...new Set([...sizes, 1000])].sort((a, b) => a - b);
const layouts = layoutTable(layoutSizes.map((size) => timeLayout(size)));

function runSection(run: RunCost | undefined): string {
  if (!run) return "Not measured.";
  const rows = table(
    ["", "value"],
    [
      [
        "fetched from the click to the end of the first run",
        `${mib(run.bytes)} (${kib(run.bytes)}) in ${run.requests} requests`,
      ],
      ["the same, gzipped as a compressing host sends it", `${kib(run.gzipBytes)}`],
      ["click to first output, cold (empty browser cache)", seconds(run.cold)],
      ["click to first output, cached (new page, runtime in the browser's cache)", seconds(run.cached)],
      ["click to first output, warm (the same page again)", seconds(run.warm)],
      [`added to dist/ (\`${PYTHON_DIR}/\`: runtime and runner)`, `${kib(run.distBytes)} in ${run.distFiles} files`],
    ],
    "lr",
  );
  return `\`${addressBook("/").lesson(run.lesson)}\`, example ${run.block}, in Chromium from a local static server (\`src/bench/runner.ts\`): Run pressed, time until its first output appears.

${rows}`;
}

const machine = describeMachine(cpus(), totalmem());
const report = `# Benchmarks

Written by \`npm run bench -- --runs ${runs} --sizes ${sizes.join(",")} --query ${options.query}${options["skip-starlight"] ? " --skip-starlight" : ""}\` on ${new Date().toISOString().slice(0, 10)}. What the figures mean and how to reproduce them: README, "Benchmarks".

## Machine

${machine}

## Build time: Astro and Pagefind

Cold builds (\`astro build\`, which runs Pagefind and bundles the search UI), each in a fresh copy of the site in a temp folder with its own empty cache. Generated lessons have about 1,500 words and 3 Python blocks each.

${buildTable}

## Against Starlight

${comparisonSection}

## Warm rebuild after editing one lesson

${warmSection}

## Bytes per lesson page

What a browser loads before the reader interacts: the HTML, the stylesheet, inline scripts (there is no other script), and the icon. Gzip as a static host would send it.

${pageTable}

## The learning path page

\`/path/\` of each site, against its budget (\`src/quality/budgets.ts\`), and the time Astro took to render it. The course model, with the picture's layout, is built once per build by whichever route asks first (usually a \`getStaticPaths()\`), so it is not in this figure.

${pathTable}

The course graph and the picture's layout for generated lessons, timed in the benchmark's own process without a build (median of 5 after a warm-up; 1,000 lessons always included). Issue 15's target: under 1 s of build time at 1,000 lessons.

${layouts}

## Search: one query

\`/search/?q=${options.query}\` opened in Chromium; bytes fetched from \`/pagefind/\` (loader, WebAssembly, index and result fragments; Pagefind's own files are already compressed) until the results are shown.

${queryTable}

## Running a block in the browser

${runSection(sites[0]!.run)}

## Code blocks

Every Python block of the course, run one process at a time with ${blocks.python}.

${formatCodeBlockTable(blocks)}

${blocks.totalVirtualSeconds.toFixed(2)} s of virtual sleeping took ${blocks.totalRealSeconds.toFixed(2)} s of real time.
`;

writeFileSync(options.out, report);
console.log(report);
log(`[bench] written to ${options.out}\n`);
