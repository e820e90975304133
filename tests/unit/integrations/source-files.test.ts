/** content/sources/ is published (/sources/<file>.md): only plain files and folders may be there. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SourceFilesError, sourceFiles } from "../../../src/integrations/source-files";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "source-files-"));
  mkdirSync(path.join(root, "content/sources"), { recursive: true });
  writeFileSync(path.join(root, "content/sources/intro.md"), "# Intro\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs the integration's config hook as Astro would, for a project at `root`. */
function setUp(): void {
  const hook = sourceFiles().hooks["astro:config:setup"] as (options: unknown) => void;
  hook({ config: { root: pathToFileURL(`${root}/`) } } as Parameters<
    NonNullable<AstroIntegration["hooks"]["astro:config:setup"]>
  >[0]);
}

describe("the source files check", () => {
  it("lets plain files pass", () => {
    expect(setUp).not.toThrow();
  });

  it("stops the build at a symbolic link, naming it, its target and content/sources/", () => {
    symlinkSync("/etc/passwd", path.join(root, "content/sources/passwd.md"));
    expect(setUp).toThrow(SourceFilesError);
    expect(setUp).toThrow(
      /^content\/sources\/ holds an entry the site must not publish:\n {2}- content\/sources\/passwd\.md is a symbolic link to \/etc\/passwd;/,
    );
  });
});
