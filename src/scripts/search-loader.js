// Inlined into every page by SearchBox.astro. It loads no search code until
// the reader reaches for search: focusing the header field, pressing "/", or
// opening the search page. Then it imports the search UI module once.
(() => {
  const form = document.querySelector("[data-site-search]");
  const field = form?.querySelector("input[name=q]");
  if (!form || !field) return;
  let ui;
  const load = () => {
    ui ??= import(/* @vite-ignore */ form.dataset.searchModule);
    return ui;
  };
  const fail = (status) => () => {
    status.textContent = "Search could not be loaded. Reload the page to try again.";
  };

  field.addEventListener(
    "focus",
    () => {
      load().then((module) => module.attachHeaderSearch(form), fail(form.querySelector("[data-search-announcer]")));
    },
    { once: true },
  );

  // "/" jumps to search, as on most documentation sites, unless the reader is typing.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select")))
      return;
    event.preventDefault();
    const primary = document.querySelector("[data-search-primary]:not([hidden] *)") ?? field;
    primary.focus();
    primary.select();
  });

  const startPage = () => {
    const page = document.querySelector("[data-search-page]");
    if (page) load().then((module) => module.startSearchPage(page), fail(page.querySelector("[data-search-status]")));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startPage);
  else startPage();
})();
