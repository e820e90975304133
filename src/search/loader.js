// Inlined into every page by SearchBox.astro, minified (loader.min.js, src/scripts/minify.ts). It loads no search code until
// the reader reaches for search: focusing the header field, pressing "/", or
// opening the search page. Then it imports the search UI module once; an
// import that failed (a dropped connection) is tried again on the next focus.
(() => {
  const form = document.querySelector("[data-site-search]");
  const field = form?.querySelector("input[name=q]");
  if (!form || !field) return;
  const FAILED_HEADER = "Search could not be loaded. Leave the field and come back to try again.";
  const FAILED_PAGE = "Search could not be loaded. Reload the page to try again.";
  let ui;
  let failures = 0;
  // Browsers remember a failed module import by its address, so a retry asks for a new one.
  const address = () => form.dataset.searchModule + (failures ? `?retry=${failures}` : "");
  const load = () =>
    (ui ??= import(/* @vite-ignore */ address()).catch((error) => {
      failures++;
      ui = undefined;
      throw error;
    }));
  /** Shows the failure in `shown` and writes it to the given status elements. */
  const report = (message, shown, ...statuses) => {
    shown.hidden = false;
    for (const status of statuses) status.textContent = message;
  };

  // Every focus asks, so a failed load is retried; once loaded, attaching again does nothing.
  field.addEventListener("focus", () => {
    load().then(
      (module) => module.attachHeaderSearch(form),
      () =>
        report(
          FAILED_HEADER,
          form.querySelector("[data-search-panel]"),
          form.querySelector("[data-search-status]"),
          form.querySelector("[data-search-announcer]"),
        ),
    );
  });

  // "/" jumps to search, as on most documentation sites, unless the reader is typing.
  const typing = "textarea, select, input:not([type=checkbox], [type=radio], [type=button], [type=submit])";
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.matches(typing))) return;
    event.preventDefault();
    // On the search page its own field takes the shortcut, once the page is running.
    const primary = document.querySelector("[data-search-primary]:not([hidden] *)") ?? field;
    primary.focus();
    primary.select();
  });

  const startPage = () => {
    const page = document.querySelector("[data-search-page]");
    if (!page) return;
    load().then(
      (module) => module.startSearchPage(page),
      () => report(FAILED_PAGE, page, page.querySelector("[data-search-status]")),
    );
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startPage);
  else startPage();
})();
