/**
 * Local images: a relative image path in the source names a file beside the
 * raw lesson. The import copies each one next to the draft, into a folder
 * named by the lesson id (`content/lessons/<id>/<file>`), and the draft
 * points at the copy (`./<id>/<file>`), which Astro then builds into the site
 * (and fails the build if it goes missing). A path that names no file is
 * reported with its line and the image is removed, its alt text kept.
 */
import { isLocalImage } from "../links";

/** An image file the CLI copies: from the source's folder to the lessons folder. */
export interface Asset {
  /** The path as the source writes it, decoded, relative to the raw file's folder. */
  from: string;
  /** Where the copy goes, relative to the lessons folder. */
  to: string;
}

/** What becomes of an image URL; `why` says why a local one is not copied. */
export type ImageTarget =
  { kind: "keep" } | { kind: "copy"; url: string } | { kind: "missing"; path: string; why: string };

/** Tells whether a path relative to the raw file's folder is a regular file; the CLI answers from the disk. */
export type FileExists = (relativePath: string) => boolean;

export interface AssetPlan {
  target: (url: string) => ImageTarget;
  /** The files to copy, one per distinct source path. */
  assets: () => Asset[];
}

/**
 * Raster image types, which Astro's image pipeline builds. Not SVG: an SVG
 * file can carry scripts, which run when its address is opened directly on
 * the site's origin; convert it to PNG.
 */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif)$/i;

export function assetPlan(folder: string, exists: FileExists | undefined): AssetPlan {
  const byPath = new Map<string, Asset>();
  const taken = new Set<string>();
  const target = (url: string): ImageTarget => {
    if (!isLocalImage(url)) return { kind: "keep" };
    const path = decoded(url.split(/[?#]/, 1)[0] ?? "");
    if (path === "" || path.split("/").includes("..")) {
      return { kind: "missing", path, why: "a path outside the raw lesson's folder, which the import does not copy" };
    }
    if (!IMAGE_FILE.test(path)) {
      return {
        kind: "missing",
        path,
        why: "not a PNG, JPEG, GIF, WebP or AVIF file (an SVG can carry scripts: convert it to PNG)",
      };
    }
    if (exists === undefined || !exists(path)) {
      return {
        kind: "missing",
        path,
        why: "no such image file beside the raw lesson (a regular file of at most 10 MiB)",
      };
    }
    let asset = byPath.get(path);
    if (asset === undefined) {
      asset = { from: path, to: `${folder}/${uniqueName(path, taken)}` };
      byPath.set(path, asset);
    }
    return { kind: "copy", url: `./${asset.to}` };
  };
  return { target, assets: () => [...byPath.values()] };
}

function decoded(path: string): string {
  try {
    return decodeURI(path).replace(/^\.\//, "");
  } catch {
    return path;
  }
}

/** The file's name, in lowercase letters, digits, "-", "_" and ".", numbered when another image has it. */
function uniqueName(path: string, taken: Set<string>): string {
  const base = (path.split("/").at(-1) ?? "image")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+/, "");
  const dot = base.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ""];
  let name = `${stem || "image"}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`;
  taken.add(name);
  return name;
}
