/**
 * The Run / Stop / Edit / Reset controls of the lesson pages' Python blocks
 * (README, "Run the examples in your browser"). The build places the controls,
 * hidden, and marks each runnable block (src/markdown/code-runs.ts); the
 * page's inline script (src/scripts/code-blocks.js) reveals them and imports
 * this module on the first use of one, then calls act() for that use and
 * every later one. Nothing here runs before the reader asks for it.
 *
 * A run sends the block's code (and, for a `continue` block, the earlier
 * blocks of its chain, quiet) to the Python worker (ui-session.ts) and streams
 * what it prints into an output panel under the block (ui-output.ts). Edit
 * puts an editor in place of the listing (ui-editor.ts); Reset brings the
 * listing back. Output of edited code is labelled "Your output".
 */
import type { ClockMode, RunBlock } from "./protocol";
import type { CodeEditor } from "./ui-editor";
import { OutputPanel } from "./ui-output";
import { PythonSession } from "./ui-session";
import { startWorker } from "./start-worker";
import { endText, loadingText, RESET, RUNNING } from "./ui-text";

/** The worker's address, relative to this module (set by the bundler: src/integrations/python-runner.ts). */
declare const __PYTHON_WORKER_URL__: string;

// Started under the page's CSP, so the code it runs cannot reach other sites (start-worker.ts).
const session = new PythonSession(() => startWorker(new URL(__PYTHON_WORKER_URL__, import.meta.url)));

type Action = "run" | "stop" | "edit" | "reset";

interface Block {
  root: HTMLElement;
  /** Its place among the page's Python blocks, as the build numbered them. */
  index: number;
  listing: HTMLElement;
  original: string;
  buttons: Record<Action, HTMLButtonElement>;
  realtime: HTMLInputElement | null;
  status: HTMLElement;
  editor?: CodeEditor;
  editorHost?: HTMLElement;
  panel?: OutputPanel;
}

const known = new WeakMap<HTMLElement, Block>();

/** One use of a control (`button` has data-run-action) in a runnable block. */
export function act(button: HTMLElement): void {
  const root = button.closest<HTMLElement>("[data-run-block]");
  if (!root) return;
  const block = blockOf(root);
  switch (button.dataset.runAction as Action) {
    case "run":
      void run(block);
      break;
    case "stop":
      session.stop();
      break;
    case "edit":
      void edit(block);
      break;
    case "reset":
      reset(block);
      break;
  }
}

function blockOf(root: HTMLElement): Block {
  let block = known.get(root);
  if (block) return block;
  const control = (action: Action) => root.querySelector<HTMLButtonElement>(`[data-run-action=${action}]`)!;
  const listing = root.querySelector<HTMLElement>("pre")!;
  block = {
    root,
    index: Number(root.dataset.runBlock),
    listing,
    original: listing.textContent ?? "",
    buttons: { run: control("run"), stop: control("stop"), edit: control("edit"), reset: control("reset") },
    realtime: root.querySelector<HTMLInputElement>("[data-run-realtime]"),
    status: root.querySelector<HTMLElement>(".code-run-status")!,
  };
  known.set(root, block);
  return block;
}

const codeOf = (block: Block) => block.editor?.code ?? block.original;

/** The blocks a run of `block` sends: the earlier blocks of its `continue` chain, then itself. */
function chainOf(block: Block): Block[] {
  const start = Number(block.root.dataset.runChain ?? block.index);
  const earlier = [...block.root.ownerDocument.querySelectorAll<HTMLElement>("[data-run-block]")]
    .filter((root) => {
      const index = Number(root.dataset.runBlock);
      return index >= start && index < block.index;
    })
    .map(blockOf);
  return [...earlier, block];
}

/** Swaps two controls, keeping the keyboard focus on the one shown. */
function swap(hide: HTMLButtonElement, show: HTMLButtonElement): void {
  const hadFocus = hide.ownerDocument.activeElement === hide;
  hide.hidden = true;
  show.hidden = false;
  if (hadFocus) show.focus();
}

/** Status text, at most about once a second while it keeps changing (screen readers read each change). */
function statusUpdater(block: Block): (text: string, now?: boolean) => void {
  let last = 0;
  return (text, now = false) => {
    const time = performance.now();
    if (!now && time - last < 1000) return;
    last = time;
    block.status.textContent = text;
  };
}

async function run(block: Block): Promise<void> {
  const chain = chainOf(block);
  const blocks: RunBlock[] = chain.map((each) => ({
    code: codeOf(each),
    name: `example ${each.index}`,
    quiet: each !== block,
  }));
  const edited = chain.some((each) => codeOf(each) !== each.original);
  const clock: ClockMode = block.root.dataset.runClock === "real" || block.realtime?.checked ? "real" : "virtual";
  const status = statusUpdater(block);
  const panel = (block.panel ??= new OutputPanel(block.root, String(block.index)));
  panel.start(edited);
  block.root.dataset.running = "";
  swap(block.buttons.run, block.buttons.stop);
  status(RUNNING, true);
  const end = await session.run(blocks, clock, {
    loading: (loaded, total) => status(loadingText(loaded, total), loaded === total),
    ready: () => status(RUNNING, true),
    output: (stream, text) => panel.append(stream, text),
  });
  panel.end(end);
  status(endText(end), true);
  delete block.root.dataset.running;
  swap(block.buttons.stop, block.buttons.run);
}

async function edit(block: Block): Promise<void> {
  if (block.editor) {
    block.editor.focus();
    return;
  }
  const { openEditor } = await import("./ui-editor");
  const host = block.root.ownerDocument.createElement("div");
  host.className = "run-editor";
  block.listing.after(host);
  block.listing.hidden = true;
  block.editorHost = host;
  block.editor = openEditor(host, block.original, `Python code of example ${block.index}, editable`, () => {
    if (!block.root.hasAttribute("data-running")) void run(block);
  });
  block.root.dataset.editing = "";
  swap(block.buttons.edit, block.buttons.reset);
  block.editor.focus();
}

function reset(block: Block): void {
  block.editor?.destroy();
  block.editorHost?.remove();
  block.editor = undefined;
  block.editorHost = undefined;
  block.listing.hidden = false;
  delete block.root.dataset.editing;
  swap(block.buttons.reset, block.buttons.edit);
  block.buttons.edit.focus();
  block.status.textContent = RESET;
}
