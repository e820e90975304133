/**
 * The course as the pages see it (src/lessons/course.ts), built from the
 * collection once per build and shared by every page. Building it checks the
 * lessons first, so a broken prerequisite, cycle or keyword clash fails the
 * build with one message listing them all.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { addressBook } from "../site/urls";
import { buildCourseModel, once, type CourseLesson, type CourseModel, type KeywordTotal } from "./course";

type Entry = CollectionEntry<"lessons">;

/** A lesson as every page and component receives it. */
export type Lesson = CourseLesson<Entry>;
export type Course = CourseModel<Entry>;
/** A keyword with its lessons, as its page receives it. */
export type CourseKeyword = KeywordTotal<Lesson>;

/** Drafts are shown by `npm run dev` and by a preview build (`INCLUDE_DRAFTS=1 npm run build`), never otherwise. */
export const includeDrafts = (): boolean => import.meta.env.DEV || process.env.INCLUDE_DRAFTS === "1";

const load = async (): Promise<Course> =>
  buildCourseModel(await getCollection("lessons"), addressBook(import.meta.env.BASE_URL).lesson, {
    includeDrafts: includeDrafts(),
  });

const loadOnce = once(load);

/**
 * The course, built on the first call of a build; every later call gets the
 * same one. Under `astro dev` lessons change while the server runs, so there
 * it is built afresh for each page, as before.
 */
export function getCourse(): Promise<Course> {
  return import.meta.env.DEV ? load() : loadOnce();
}
