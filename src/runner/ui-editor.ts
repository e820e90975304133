/**
 * The code editor of the Edit button: CodeMirror 6 with Python highlighting,
 * in place of the listing. Loaded with the runner UI, on a reader's first
 * click, never before.
 *
 * The Content-Security-Policy allows no inline <style> element, and
 * CodeMirror's styles (style-mod) would go into one in the page. In a shadow
 * root they go into an adopted stylesheet (`adoptedStyleSheets`, built by
 * script through the CSSOM), which the policy does not govern: so the editor
 * lives in a shadow root and the policy stays as it is. The site's colours
 * reach it through inherited CSS custom properties (src/styles/global.css,
 * `.run-editor`): the same GitHub colours as the highlighted listings.
 * Keyboard: Tab moves on (CodeMirror leaves Tab alone unless asked), and
 * Ctrl+Enter (Cmd+Enter) runs the code.
 */
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup, EditorView } from "codemirror";

export interface CodeEditor {
  /** The code as the reader has it now. */
  readonly code: string;
  focus(): void;
  /** Removes the editor (the host element stays). */
  destroy(): void;
}

const colour = (name: string) => `var(--editor-${name})`;

const highlighting = HighlightStyle.define([
  { tag: tags.keyword, color: colour("keyword") },
  { tag: [tags.string, tags.escape], color: colour("string") },
  { tag: tags.comment, color: colour("comment") },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: colour("constant") },
  {
    tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className), tags.className],
    color: colour("definition"),
  },
  { tag: tags.function(tags.variableName), color: colour("call") },
]);

function theme(dark: boolean) {
  return EditorView.theme(
    {
      "&": {
        color: "var(--text)",
        backgroundColor: "var(--code-bg)",
        border: "1px solid var(--border)",
        borderRadius: "var(--radius)",
        fontSize: "0.9rem",
      },
      "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "2px" },
      ".cm-scroller": {
        fontFamily: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, monospace',
        lineHeight: "1.5",
      },
      ".cm-content": { caretColor: "var(--text)", padding: "0.75rem 0" },
      "&.cm-focused > .cm-scroller .cm-cursor": { borderLeftColor: "var(--text)" },
      ".cm-gutters": {
        backgroundColor: "var(--bg-soft)",
        color: "var(--text-soft)",
        borderRight: "1px solid var(--border)",
      },
      ".cm-activeLineGutter": { backgroundColor: "var(--bg-soft)", color: "var(--text)" },
      ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
    },
    { dark },
  );
}

/**
 * Opens an editor with `code` in `host` (an empty element the caller placed);
 * `label` names it for screen readers, `run` is what Ctrl+Enter does.
 */
export function openEditor(host: HTMLElement, code: string, label: string, run: () => void): CodeEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  const view = new EditorView({
    doc: code,
    parent: root,
    root,
    extensions: [
      basicSetup,
      python(),
      syntaxHighlighting(highlighting),
      theme(dark),
      // tabindex: the content is focusable anyway (contenteditable); saying so lets checkers such as axe see
      // that the scrolling area around it can be reached by keyboard.
      EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
      Prec.highest(
        keymap.of([
          {
            key: "Mod-Enter",
            run: () => {
              run();
              return true;
            },
          },
        ]),
      ),
    ],
  });
  return {
    get code() {
      return view.state.doc.toString();
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
