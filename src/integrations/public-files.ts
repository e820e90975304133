/**
 * Refuses anything in public/ but plain files and folders. Astro copies
 * public/ into the built site as it is, following symbolic links: a lesson
 * author who adds `public/x -> /etc/passwd` (or a link to ~/.ssh) would
 * publish that file. A FIFO there would stall the copy. The check runs when
 * the config is set up, so `astro build` and `astro dev` both stop at once,
 * listing every such entry.
 */
import { lstatSync, readdirSync, readlinkSync, type Stats } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroConfig, AstroIntegration } from "astro";

/** Problems with the entries under `publicDir`, as lines naming each path relative to `root`. */
export function publicDirProblems(publicDir: string, root: string): string[] {
  const problems: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const entry = path.join(dir, name);
      const info = lstatSync(entry);
      const shown = path.relative(root, entry);
      if (info.isDirectory()) walk(entry);
      else if (info.isSymbolicLink()) {
        problems.push(
          `${shown} is a symbolic link to ${readlinkSync(entry)}; the build would publish its target. ` +
            `Put a copy of the file there instead, or remove it.`,
        );
      } else if (!info.isFile()) {
        problems.push(`${shown} is ${kind(info)}, not a file; remove it.`);
      }
    }
  };
  const top = lstatSync(publicDir, { throwIfNoEntry: false });
  if (top?.isSymbolicLink()) {
    problems.push(
      `${path.relative(root, publicDir)} is itself a symbolic link to ${readlinkSync(publicDir)}; make it a folder.`,
    );
  } else if (top?.isDirectory()) walk(publicDir);
  return problems;
}

function kind(info: Stats): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  return "a device";
}

/** A published folder holds entries the site must not publish; `folder` is as the project names it ("public/"). */
export class PublishedFilesError extends Error {
  override name = "PublishedFilesError";

  constructor(
    readonly folder: string,
    readonly problems: readonly string[],
  ) {
    super(
      [
        `${folder} holds ${problems.length === 1 ? "an entry" : `${problems.length} entries`} the site must not publish:`,
        ...problems.map((problem) => `  - ${problem}`),
      ].join("\n"),
    );
  }
}

export class PublicFilesError extends PublishedFilesError {
  override name = "PublicFilesError";

  constructor(problems: readonly string[]) {
    super("public/", problems);
  }
}

/**
 * An integration that checks a published folder when the config is set up, so `astro build` and `astro dev`
 * both stop at once, listing every entry the site must not publish.
 */
export function publishedFolderCheck(
  name: string,
  folderOf: (config: AstroConfig) => URL,
  error: (problems: readonly string[]) => PublishedFilesError,
): AstroIntegration {
  return {
    name,
    hooks: {
      "astro:config:setup": ({ config }) => {
        const problems = publicDirProblems(fileURLToPath(folderOf(config)), fileURLToPath(config.root));
        if (problems.length > 0) throw error(problems);
      },
    },
  };
}

export function publicFiles(): AstroIntegration {
  return publishedFolderCheck(
    "lesson-site-public-files",
    (config) => config.publicDir,
    (problems) => new PublicFilesError(problems),
  );
}
