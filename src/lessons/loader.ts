/**
 * The lessons loader: Astro's glob loader for content/lessons/*.mdx, after a
 * check of every file name in the folder. The glob loader alone would let
 * "Foo.mdx" silently replace "foo.mdx" (both are lesson "foo") and skip a
 * "foo.md" without a word; here either stops the build naming the files.
 */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { glob, type Loader } from "astro/loaders";
import { formatProblems, LessonProblemsError } from "../graph/problems";
import { validateLessonFiles } from "../graph/validate";

/** `base` is the lessons folder relative to the project root, e.g. "content/lessons". */
export function lessonLoader(base: string): Loader {
  const files = glob({ pattern: "*.mdx", base: `./${base}` });
  return {
    name: "lesson-loader",
    load: async (context) => {
      const dir = fileURLToPath(new URL(`./${base}/`, context.config.root));
      const problems = () => validateLessonFiles(base, readdirSync(dir));
      const found = problems();
      if (found.length > 0) throw new LessonProblemsError(found);
      await files.load(context);
      // `astro dev` keeps running while files come and go: say so at once,
      // since the next build will refuse them.
      context.watcher?.on("add", (path) => {
        if (dirname(path) !== dir.replace(/\/$/, "")) return;
        const later = problems();
        if (later.length > 0) context.logger.error(formatProblems(later));
      });
    },
  };
}
