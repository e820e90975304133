/**
 * The lessons' raw sources are published (src/pages/sources/[name].md.ts), so
 * content/sources/ gets the checks public/ gets (public-files.ts): a symbolic
 * link there would publish its target (`x.md -> ~/.ssh/id_rsa`), a named pipe
 * would stall the build. Checked when the config is set up, so `astro build`
 * and `astro dev` both stop at once, listing every such entry.
 */
import type { AstroIntegration } from "astro";
import { publishedFolderCheck, PublishedFilesError } from "./public-files.ts";

/** The raw lessons, relative to the project root. */
export const SOURCES_FOLDER = "content/sources/";

export class SourceFilesError extends PublishedFilesError {
  override name = "SourceFilesError";

  constructor(problems: readonly string[]) {
    super(SOURCES_FOLDER, problems);
  }
}

export function sourceFiles(): AstroIntegration {
  return publishedFolderCheck(
    "lesson-site-source-files",
    (config) => new URL(SOURCES_FOLDER, config.root),
    (problems) => new SourceFilesError(problems),
  );
}
