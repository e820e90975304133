// Learner progress, read from localStorage and shown on the page; see src/components/ProgressScript.astro.
(() => {
  const key = "lesson-progress:" + document.currentScript.dataset.base;
  const all = (selector, root = document) => [...root.querySelectorAll(selector)];
  let done;
  const has = (id) => Object.hasOwn(done, id);
  const render = () => {
    try {
      done = Object(JSON.parse(localStorage[key] ?? "{}").completed);
    } catch {
      return;
    }
    for (const el of all("[data-lesson-id]")) {
      el.dataset.done = has(el.dataset.lessonId);
      // The learning path's boxes are named by their aria-label.
      if (el.ariaLabel)
        el.ariaLabel = el.ariaLabel.replace(/(, completed)?$/, has(el.dataset.lessonId) ? ", completed" : "");
    }
    for (const el of all("[data-progress]")) el.hidden = false;
    for (const el of all("[data-progress=missing]")) el.hidden = !all("[data-done=false]", el)[0];
    for (const el of all("[data-digest]")) {
      const id = el.dataset.lessonId;
      if (el.type) el.ariaPressed = has(id);
      else el.hidden = !has(id) || done[id] == el.dataset.digest;
    }
    // Continue with the first lesson of the course not completed: the reading order puts prerequisites
    // first (src/graph/order.ts), so all of its prerequisites are completed.
    const lessons = all("[data-progress-course] [data-lesson-id]");
    const next = lessons.find((el) => !has(el.dataset.lessonId))?.querySelector("a");
    for (const el of all("[data-progress=continue]")) {
      el.hidden = !next;
      el.href = next?.pathname;
      el.lastElementChild.textContent = next?.textContent;
    }
    for (const el of all("[data-progress-count]")) {
      el.textContent = lessons.filter((lesson) => has(lesson.dataset.lessonId)).length;
    }
  };
  // At once for what is parsed so far (a page may place this script early, so that nothing moves after
  // the first paint), then again for the rest, and when the page comes back from the back/forward cache.
  render();
  addEventListener("DOMContentLoaded", render);
  addEventListener("pageshow", render);
  for (const type of ["click", "change"]) {
    addEventListener(type, ({ target }) => {
      const el = target.closest?.("[data-progress-action]");
      if (el && (el.type == "file") == (type == "change")) {
        import(el.dataset.module).then((store) => store[el.dataset.progressAction](key, el)).then(render);
      }
    });
  }
})();
