/**
 * The lessons loader: Astro's glob loader for content/lessons/*.mdx, after a
 * check of every file name in the folder. The glob loader alone would let
 * "Foo.mdx" silently replace "foo.mdx" (both are lesson "foo") and skip a
 * "foo.md" without a word; here either stops the build naming the files.
 *
 * It also checks each lesson file before Astro parses it (see file-checks.ts):
 * size, nesting depth, YAML aliases and the `source` field. Deep nesting would
 * otherwise overflow the stack of the MDX compiler later in the build, which
 * can take the whole process down without a word about the file.
 */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { glob, type Loader } from "astro/loaders";
import { formatProblems, LessonProblemsError } from "../graph/problems";
import { lessonFileProblems } from "./file-checks";
import { isLessonFile, LESSON_EXTENSION, validateLessonFiles } from "./ids";

/** `base` is the lessons folder relative to the project root, e.g. "content/lessons". */
export function lessonLoader(base: string): Loader {
  const files = glob({ pattern: `*${LESSON_EXTENSION}`, base: `./${base}` });
  return {
    name: "lesson-loader",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = fileURLToPath(new URL(`./${base}/`, context.config.root));
      const problems = () => {
        const names = readdirSync(dir);
        const lessons = names.filter(isLessonFile);
        return [...validateLessonFiles(base, names), ...lessonFileProblems(root, base, lessons)];
      };
      const found = problems();
      if (found.length > 0) throw new LessonProblemsError(found);
      await files.load(context);
      // `astro dev` keeps running while files come and go: say so at once,
      // since the next build will refuse them.
      const recheck = (path: string) => {
        if (dirname(path) !== dir.replace(/\/$/, "")) return;
        const later = problems();
        if (later.length > 0) context.logger.error(formatProblems(later));
      };
      context.watcher?.on("add", recheck);
      context.watcher?.on("change", recheck);
    },
  };
}
