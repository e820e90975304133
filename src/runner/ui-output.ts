/**
 * The output panel of a run: a live region under the block's verified
 * output (which stays as it is), labelled "Output of this run", or "Your
 * output" after an edit. What the block prints streams in as it is printed;
 * stderr is marked, and the traceback of an exception is set apart.
 */
import type { PythonError } from "./protocol";
import type { RunEnd } from "./ui-session";
import { outputLabel, TRUNCATED } from "./ui-text";

/** More than this many characters of output are not shown (a runaway loop must not freeze the page). */
export const MAX_SHOWN = 200_000;

export class OutputPanel {
  readonly root: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly samp: HTMLElement;
  private shown = 0;
  private lastStream: "stdout" | "stderr" | undefined;
  private stderrText = "";

  /** A panel for the block whose wrapper is `block`, placed after its verified output (or after the block). */
  constructor(block: HTMLElement, index: string) {
    const doc = block.ownerDocument;
    this.root = doc.createElement("figure");
    this.root.className = "run-output";
    this.root.dataset.pagefindIgnore = "";
    this.caption = doc.createElement("figcaption");
    this.caption.id = `run-output-label-${index}`;
    const pre = doc.createElement("pre");
    pre.className = "run-output-text";
    // A log: screen readers read what is added, politely; tabindex lets keyboards scroll wide output.
    pre.setAttribute("role", "log");
    pre.setAttribute("aria-labelledby", this.caption.id);
    pre.tabIndex = 0;
    this.samp = doc.createElement("samp");
    pre.append(this.samp);
    this.root.append(this.caption, pre);
    const next = block.nextElementSibling;
    (next?.matches(".code-output") ? next : block).after(this.root);
  }

  /** Empties the panel for a new run. */
  start(edited: boolean): void {
    this.caption.textContent = outputLabel(edited);
    this.samp.replaceChildren();
    this.shown = 0;
    this.lastStream = undefined;
    this.stderrText = "";
    this.root.dataset.runStatus = "running";
    delete this.root.dataset.errorTypes;
    delete this.root.dataset.errorMessage;
  }

  append(stream: "stdout" | "stderr", text: string): void {
    if (stream === "stderr") this.stderrText += text;
    if (this.shown >= MAX_SHOWN) return;
    let shown = text.slice(0, MAX_SHOWN - this.shown);
    this.shown += shown.length;
    if (this.shown >= MAX_SHOWN) shown += TRUNCATED;
    const last = this.samp.lastChild;
    if (stream === this.lastStream && last) last.appendChild(this.samp.ownerDocument.createTextNode(shown));
    else this.samp.append(this.span(stream === "stderr" ? "run-stderr" : "run-stdout", shown));
    this.lastStream = stream;
  }

  end(end: RunEnd): void {
    this.root.dataset.runStatus = end.kind === "done" ? (end.error ? "error" : "done") : end.kind;
    if (end.kind !== "done" || !end.error) return;
    this.root.dataset.errorTypes = end.error.types.join(" ");
    this.root.dataset.errorMessage = end.error.message;
    if (end.contextFailed) {
      // The earlier blocks ran quietly: their traceback was not printed, so show it here.
      this.samp.append(this.span("run-traceback", end.error.traceback));
    } else {
      this.markTraceback(end.error);
    }
  }

  /** The traceback the worker printed last on stderr, set apart from what the block printed. */
  private markTraceback(error: PythonError): void {
    const last = this.samp.lastElementChild;
    if (this.shown >= MAX_SHOWN || !last?.classList.contains("run-stderr")) return;
    const text = last.textContent ?? "";
    if (!this.stderrText.endsWith(error.traceback) || !text.endsWith(error.traceback)) return;
    last.textContent = text.slice(0, text.length - error.traceback.length);
    if (!last.textContent) last.remove();
    this.samp.append(this.span("run-traceback", error.traceback));
  }

  private span(className: string, text: string): HTMLElement {
    const span = this.samp.ownerDocument.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }
}
