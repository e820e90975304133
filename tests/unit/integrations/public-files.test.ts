/** public/ is copied into the site as is: only plain files and folders may be there. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PublicFilesError, publicDirProblems } from "../../../src/integrations/public-files";

let root: string;
let pub: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "public-files-"));
  pub = path.join(root, "public");
  mkdirSync(path.join(pub, "img"), { recursive: true });
  writeFileSync(path.join(pub, "robots.txt"), "User-agent: *\n");
  writeFileSync(path.join(pub, "img/logo.svg"), "<svg/>");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("public/ files", () => {
  it("plain files and folders pass", () => {
    expect(publicDirProblems(pub, root)).toEqual([]);
  });

  it("a symlink to a secret, however deep, is refused naming the link and its target", () => {
    symlinkSync("/etc/passwd", path.join(pub, "img/passwd"));
    symlinkSync("../../secret", path.join(pub, "notes.txt"));
    expect(publicDirProblems(pub, root)).toEqual([
      "public/img/passwd is a symbolic link to /etc/passwd; the build would publish its target. Put a copy of the file there instead, or remove it.",
      "public/notes.txt is a symbolic link to ../../secret; the build would publish its target. Put a copy of the file there instead, or remove it.",
    ]);
  });

  it("a symlinked folder is refused, not walked", () => {
    symlinkSync("/etc", path.join(pub, "etc"));
    expect(publicDirProblems(pub, root)).toEqual([expect.stringMatching(/^public\/etc is a symbolic link to \/etc;/)]);
  });

  it("public/ itself as a symlink is refused", () => {
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(root, "linked"));
    expect(publicDirProblems(path.join(root, "linked"), root)).toEqual([
      expect.stringMatching(/^linked is itself a symbolic link/),
    ]);
  });

  it("a FIFO, which would stall the copy, is refused", () => {
    execFileSync("mkfifo", [path.join(pub, "pipe")]);
    expect(publicDirProblems(pub, root)).toEqual(["public/pipe is a named pipe (FIFO), not a file; remove it."]);
  });

  it("the error lists every problem", () => {
    expect(new PublicFilesError(["a", "b"]).message).toBe(
      "public/ holds 2 entries the site must not publish:\n  - a\n  - b",
    );
  });

  it("no public/ folder is fine", () => {
    expect(publicDirProblems(path.join(root, "none"), root)).toEqual([]);
  });
});
