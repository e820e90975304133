/**
 * Learner progress: what is stored, and every change to it. Loaded by the
 * inline script (src/progress/progress.js) only when the learner acts: marks a
 * lesson, resets, exports or imports. Progress lives in this browser's
 * localStorage under one key per site; nothing is sent anywhere.
 *
 * The stored record and the exported file have one shape:
 *   { "format": "lesson-progress", "version": 1, "completed": { "<lesson id>": "<content digest>" } }
 * The digest is the lesson's content digest when it was marked, so a lesson
 * changed since then can say so.
 *
 * Plain JavaScript (an ES module served as is), so that it needs no build step
 * of its own; the pure functions are unit-tested (tests/unit/progress/).
 */

export const FORMAT = "lesson-progress";
export const VERSION = 1;
/** A progress file is a few KB even for a large course; more is not one. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Lesson ids as the site makes them (src/lessons/ids.ts): lowercase letters, digits and hyphens. */
const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_DIGEST_LENGTH = 200;

/** A progress file the site cannot read; the message says why and what to do. */
export class ProgressFileError extends Error {
  name = "ProgressFileError";
}

/** The stored or exported text of a set of completed lessons (id -> digest). */
export function progressText(completed) {
  return JSON.stringify({ format: FORMAT, version: VERSION, completed }, null, 2);
}

const describe = (value) => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value);

/**
 * The completed lessons (id -> digest, in a fresh object) of a progress file's
 * text. Throws a ProgressFileError naming the file and the problem.
 */
export function parseProgress(text, name = "The file") {
  const again = "Choose a file saved by “Export progress”.";
  let record;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new ProgressFileError(`${name} is not JSON (${error.message}). ${again}`);
  }
  if (describe(record) !== "object" || record.format !== FORMAT) {
    throw new ProgressFileError(`${name} is not a progress file: it has no "format": "${FORMAT}". ${again}`);
  }
  if (record.version !== VERSION) {
    throw new ProgressFileError(
      `${name} has version ${JSON.stringify(record.version)}; this site reads version ${VERSION}. ${again}`,
    );
  }
  if (describe(record.completed) !== "object") {
    throw new ProgressFileError(`${name}: "completed" is ${describe(record.completed)}, not an object. ${again}`);
  }
  const completed = {};
  for (const [id, digest] of Object.entries(record.completed)) {
    if (!LESSON_ID.test(id)) {
      throw new ProgressFileError(
        `${name}: ${JSON.stringify(id)} in "completed" is not a lesson id (lowercase letters, digits, hyphens). ${again}`,
      );
    }
    if (typeof digest !== "string" || digest.length > MAX_DIGEST_LENGTH) {
      throw new ProgressFileError(
        `${name}: lesson "${id}" in "completed" has ${describe(digest)} as its digest, not a short text. ${again}`,
      );
    }
    completed[id] = digest;
  }
  return completed;
}

/** The completed lessons stored under `key`; a missing or unreadable record counts as none. */
export function readStored(storage, key) {
  const text = storage.getItem(key);
  if (text === null) return {};
  try {
    return parseProgress(text);
  } catch {
    return {};
  }
}

/** Marks the lesson as complete (with its digest), or, when it is, as not complete. */
export function toggled(completed, id, digest) {
  const next = { ...completed };
  if (Object.hasOwn(next, id)) delete next[id];
  else next[id] = digest;
  return next;
}

const lessons = (count) => (count === 1 ? "1 completed lesson" : `${count} completed lessons`);

/* The actions below are what the page's controls call (data-progress-action="<name>"), with the storage key and the control. */

/** Where the progress section shows what happened. */
const say = (message) => {
  const status = document.querySelector("[data-progress-status]");
  if (status) status.textContent = message;
};

/** Runs a change; a storage that refuses the write (full, blocked) is reported, not thrown. */
function attempt(change) {
  try {
    return change();
  } catch (error) {
    say(`Progress could not be saved in this browser: ${error.message}`);
  }
}

export function toggle(key, button) {
  attempt(() => {
    const completed = toggled(readStored(localStorage, key), button.dataset.lessonId, button.dataset.digest);
    localStorage.setItem(key, progressText(completed));
  });
}

export function reset(key) {
  if (!confirm("Forget every lesson you marked as complete in this browser?")) return;
  attempt(() => {
    localStorage.removeItem(key);
    say("Progress reset: no lesson is marked as complete.");
  });
}

export const EXPORT_FILE = "lesson-progress.json";

export function exportFile(key) {
  const completed = readStored(localStorage, key);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([progressText(completed)], { type: "application/json" }));
  link.download = EXPORT_FILE;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  say(`Saved ${lessons(Object.keys(completed).length)} as ${EXPORT_FILE}.`);
}

/** Adds the lessons of the chosen file to those already completed here. */
export async function importFile(key, input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  try {
    if (file.size > MAX_FILE_BYTES) {
      throw new ProgressFileError(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; a progress file is a few KB. Choose a file saved by “Export progress”.`,
      );
    }
    const imported = parseProgress(await file.text(), file.name);
    attempt(() => {
      const completed = { ...readStored(localStorage, key), ...imported };
      localStorage.setItem(key, progressText(completed));
      say(
        `Imported ${lessons(Object.keys(imported).length)} from ${file.name}; ${lessons(Object.keys(completed).length)} in all.`,
      );
    });
  } catch (error) {
    say(`Nothing imported: ${error.message}`);
  }
}
