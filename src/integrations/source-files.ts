/**
 * The lessons' raw sources are published (src/pages/sources/[name].md.ts), so
 * content/sources/ gets the checks public/ gets (public-files.ts): a symbolic
 * link there would publish its target (`x.md -> ~/.ssh/id_rsa`), a named pipe
 * would stall the build. Checked when the config is set up, so `astro build`
 * and `astro dev` both stop at once, listing every such entry.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { publicDirProblems } from "./public-files.ts";

/** The raw lessons, relative to the project root. */
export const SOURCES_FOLDER = "content/sources/";

export class SourceFilesError extends Error {
  override name = "SourceFilesError";

  constructor(readonly problems: readonly string[]) {
    super(
      [
        `${SOURCES_FOLDER} holds ${problems.length === 1 ? "an entry" : `${problems.length} entries`} the site must not publish:`,
        ...problems.map((problem) => `  - ${problem}`),
      ].join("\n"),
    );
  }
}

export function sourceFiles(): AstroIntegration {
  return {
    name: "lesson-site-source-files",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const problems = publicDirProblems(
          fileURLToPath(new URL(SOURCES_FOLDER, config.root)),
          fileURLToPath(config.root),
        );
        if (problems.length > 0) throw new SourceFilesError(problems);
      },
    },
  };
}
