/**
 * Which Python blocks of a lesson the reader can run in the browser (README,
 * "Run the examples in your browser"), decided at build time, and the markup
 * that says so.
 *
 * The two Markdown steps meet here. The mdast step (code-outputs.ts), which
 * still sees each block's settings, plans every Python block in page order
 * (planRun): runnable or not (src/runner/imports.ts), on which clock, and
 * which earlier blocks a `continue` block needs first. The plans wait in the
 * compile's data bag until the hast step (code-blocks.ts), which sees the
 * highlighted listing, takes them in the same order (takeRun) and marks the
 * listing's wrapper. Each plan carries the block's code, so a listing that
 * got another block's plan fails the build instead of running the wrong code.
 */
import { h } from "hastscript";
import type { Element } from "hast";
import type { Paragraph } from "mdast";
import type { BlockSettings } from "../codeblocks/settings";
import { browserSupport, chainSupport, type BrowserSupport } from "../runner/imports";

export interface RunPlan {
  /** The block's code, as the listing shows it. */
  code: string;
  /** 1-based place among the page's Python blocks: the block's name in tracebacks ("example 2"). */
  index: number;
  /** Whether and how the browser runs it, its chain considered (chainSupport). */
  support: BrowserSupport;
  /** What browserSupport() says of the block alone. */
  own: BrowserSupport;
  /** For a `continue` block: the index of the first block of its chain, whose blocks run first. */
  chainStart?: number;
}

/** Where the plans wait between the two steps; one list per compiled file. */
const KEY = "pythonRunPlans";

interface PlanState {
  /** Every block planned so far, in page order. */
  planned: RunPlan[];
  /** The plans not yet taken by the hast step. */
  waiting: RunPlan[];
}

function state(data: Record<string, unknown>): PlanState {
  return (data[KEY] ??= { planned: [], waiting: [] }) as PlanState;
}

/** Ends every reason that browserSupport() gives; the note says it in its own words instead. */
const ON_YOUR_MACHINE = /: run it on your machine$/;

/**
 * Plans one Python block (called for each in page order). A `continue` block
 * runs only where every earlier block of its chain can, and on the real clock
 * if one of them needs it (chainSupport, src/runner/imports.ts).
 */
export function planRun(data: Record<string, unknown>, code: string, settings: BlockSettings): RunPlan {
  const { planned, waiting } = state(data);
  const own = browserSupport(code, settings);
  let support = own;
  let chainStart: number | undefined;
  if (settings.continue && planned.length > 0) {
    let first = planned.length - 1;
    // The chain reaches back over the `continue` blocks before this one.
    while (first > 0 && planned[first]!.chainStart !== undefined) first--;
    chainStart = planned[first]!.index;
    support = chainSupport(
      own,
      planned.slice(first).map((plan) => plan.own),
    );
  }
  const plan: RunPlan = {
    code,
    index: planned.length + 1,
    support,
    own,
    ...(chainStart !== undefined && { chainStart }),
  };
  planned.push(plan);
  waiting.push(plan);
  return plan;
}

/** The plan of the next Python listing, which must show `code`; throws when the steps disagree. */
export function takeRun(data: Record<string, unknown>, code: string, file: string): RunPlan {
  const plan = state(data).waiting.shift();
  if (!plan || plan.code.replace(/\n$/, "") !== code.replace(/\n$/, "")) {
    throw new Error(
      `${file}: a Python listing does not match the Python block planned for it (the code-outputs and ` +
        "code-blocks Markdown steps saw the blocks in different orders). This is a bug in the site generator.",
    );
  }
  return plan;
}

/**
 * The note under a block that the browser cannot run (not for skipped blocks,
 * whose note already says that nothing runs them), or undefined.
 */
export function runNote(plan: RunPlan, settings: BlockSettings): Paragraph | undefined {
  if (plan.support.runnable || settings.skip !== undefined) return undefined;
  const reason = plan.support.reason.replace(ON_YOUR_MACHINE, "");
  return {
    type: "paragraph",
    // Search indexes the lessons' prose and code, not the site's notes about them.
    data: { hProperties: { className: ["code-run-note"], dataPagefindIgnore: "" } },
    children: [
      { type: "strong", children: [{ type: "text", value: "Runs on your machine only:" }] },
      { type: "text", value: ` this example ${reason}.` },
    ],
  };
}

/** The wrapper's data attributes for a runnable block (read by src/scripts/code-blocks.js and src/runner/ui.ts). */
export function runAttributes(plan: RunPlan): Record<string, string> {
  if (!plan.support.runnable) return {};
  return {
    "data-run-block": String(plan.index),
    "data-run-clock": plan.support.clock,
    ...(plan.chainStart !== undefined && { "data-run-chain": String(plan.chainStart) }),
  };
}

/**
 * The controls of a runnable block, hidden until the page's inline script
 * (src/scripts/code-blocks.js) finds that this browser can run them: no dead
 * controls without JavaScript. Stop and Reset stay hidden until a run or an
 * edit needs them (src/runner/ui.ts). The status line announces loading and
 * failures.
 */
export function runControls(plan: RunPlan): Element[] {
  if (!plan.support.runnable) return [];
  const button = (action: string, label: string, hidden = false) =>
    h("button", { type: "button", className: ["run-button"], dataRunAction: action, hidden }, label);
  const clock =
    plan.support.clock === "virtual"
      ? h("label", { className: ["run-realtime"] }, [
          h("input", { type: "checkbox", dataRunRealtime: true }),
          " Play in real time",
        ])
      : h("span", { className: ["run-realtime"] }, "Plays in real time");
  return [
    h("div", { className: ["code-run"], hidden: true, dataPagefindIgnore: "" }, [
      button("run", "Run"),
      button("stop", "Stop", true),
      button("edit", "Edit"),
      button("reset", "Reset", true),
      clock,
      h("span", { className: ["code-run-status"], role: "status" }),
    ]),
  ];
}
