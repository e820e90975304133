import { defineCollection } from "astro:content";
import { LESSONS_DIR } from "./lessons/ids";
import { lessonLoader } from "./lessons/loader";
import { lessonSchema } from "./lessons/schema";

/** Lessons are the MDX files in content/lessons/; the file name is the lesson id. */
const lessons = defineCollection({
  loader: lessonLoader(LESSONS_DIR),
  schema: lessonSchema,
});

export const collections = { lessons };
