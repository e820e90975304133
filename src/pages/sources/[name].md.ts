/**
 * Each lesson's raw source, served as it was received (`/sources/<file>.md`),
 * so a reader can compare a lesson with what its author wrote. Only the files
 * lessons name are published; src/integrations/source-files.ts refuses
 * symbolic links and special files in content/sources/ before the build.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getCourse } from "../../lessons/collection";
import { sourceFileName } from "../../site/urls";

/** Every raw source, read by Vite as text (paths from the project root). */
const RAW_SOURCES = import.meta.glob<string>("/content/sources/*.md", { query: "?raw", import: "default" });

export const getStaticPaths = (async () => {
  const course = await getCourse();
  const sources = new Set(course.lessons.map((lesson) => lesson.entry.data.source));
  // The route's own ".md" makes it a file endpoint, which trailingSlash leaves alone (`astro dev` too).
  // cacheKey: the file's text is part of this route's module graph (RAW_SOURCES), which Astro's incremental build
  // hashes itself, so the path is all the key needs (README "Incremental builds").
  return [...sources].map((source) => ({
    params: { name: sourceFileName(source).replace(/\.md$/, "") },
    props: { source },
    cacheKey: source,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const source = (props as { source: string }).source;
  const load = RAW_SOURCES[`/${source}`];
  // The lessons loader has checked that the file exists (src/lessons/file-checks.ts).
  if (load === undefined) throw new Error(`${source}: no such raw lesson in content/sources/`);
  return new Response(await load(), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
