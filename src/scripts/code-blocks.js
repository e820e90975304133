// Progressive enhancement of code listings (markup: src/markdown/code-blocks.ts), inlined minified on lesson
// pages (src/components/CodeScript.astro). It reveals the copy buttons, and the Run / Edit controls where this
// browser can run Python; the runner UI (src/runner/ui.ts, its address in data-run-module) is imported on the
// first use of a control, and an import that failed (a dropped connection) is tried again on the next click.
(() => {
  const all = (selector) => document.querySelectorAll(selector);
  for (const button of all(".copy-button")) {
    const code = button.parentElement?.querySelector("pre");
    if (!code || !navigator.clipboard) continue;
    button.hidden = false;
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.innerText);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed";
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
  }

  const address = document.currentScript.dataset.runModule;
  if (!address || !window.Worker || !window.WebAssembly) return;
  for (const controls of all(".code-run")) controls.hidden = false;
  let ui;
  let failures = 0;
  addEventListener("click", ({ target }) => {
    const button = target.closest?.("[data-run-action]");
    if (!button) return;
    const status = button.parentElement.querySelector(".code-run-status");
    // Browsers remember a failed module import by its address, so a retry asks for a new one.
    ui ??= import(address + (failures ? "?retry=" + failures : "")).catch((error) => {
      failures++;
      ui = undefined;
      throw error;
    });
    ui.then(
      (module) => module.act(button),
      () => (status.textContent = "The runner could not be loaded. Check your connection, then try again."),
    );
  });
})();
