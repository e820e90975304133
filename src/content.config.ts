import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { lessonSchema } from "./lessons/schema";

/** Lessons are the MDX files in content/lessons/; the file name is the lesson id. */
const lessons = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/lessons" }),
  schema: lessonSchema,
});

export const collections = { lessons };
