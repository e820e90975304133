import { defineCollection } from "astro:content";
import { lessonLoader } from "./lessons/loader";
import { lessonSchema } from "./lessons/schema";

/** Lessons are the MDX files in content/lessons/; the file name is the lesson id. */
const lessons = defineCollection({
  loader: lessonLoader("content/lessons"),
  schema: lessonSchema,
});

export const collections = { lessons };
