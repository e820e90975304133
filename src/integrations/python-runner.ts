/**
 * The in-browser Python of the built site (README, "Run the examples in your
 * browser"): Pyodide's runtime, self-hosted, and the runner that uses it.
 *
 * - The runtime: the npm package `pyodide`'s own files, copied as they are to
 *   `python/pyodide-<version>-<hash>/`: a new Pyodide (or a changed file) is a
 *   new folder, so a static host may cache the folder for ever.
 * - The runner: src/runner/worker.ts (the Web Worker that runs blocks) and
 *   src/runner/ui.ts (the page's controls, imported on a reader's first click),
 *   bundled with esbuild into `python/runner-<hash>/`.
 *
 * Both are prepared at config setup, because pages need the runner's address
 * (`import { uiModuleUrl } from "virtual:python-runner"`); `astro dev` serves
 * them from memory and the node_modules folder, `astro build` writes them into
 * the output. No page links them: nothing loads before a reader presses Run.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build, type Plugin } from "esbuild";
import { BROWSER_BUNDLE } from "../search/ui-bundle.ts";
import { addressBook, PYTHON_DIR } from "../site/urls.ts";

/** What the worker needs of the npm package (no source maps, no demo consoles, no typings). */
export const PYODIDE_FILES = [
  "pyodide.mjs",
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
] as const;

export const RUNNER_ENTRIES = { ui: "src/runner/ui.ts", worker: "src/runner/worker.ts" } as const;

const VIRTUAL_ID = "virtual:python-runner";

export interface PythonRuntime {
  /** The npm package's folder. */
  source: string;
  /** "pyodide-314.0.8-1a2b3c4d", under PYTHON_DIR. */
  folder: string;
  /** File name to size in bytes. */
  sizes: Record<string, number>;
}

export interface RunnerBundle {
  /** "runner-1a2b3c4d", under PYTHON_DIR. */
  folder: string;
  /** File name (ui.js, worker.js and their lazily loaded chunks) to its text. */
  files: Record<string, string>;
}

const shortHash = (...parts: (string | Buffer)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 10);
};

export function findRuntime(): PythonRuntime {
  const source = dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
  const { version } = JSON.parse(readFileSync(join(source, "package.json"), "utf8")) as { version: string };
  const sizes = Object.fromEntries(PYODIDE_FILES.map((file) => [file, statSync(join(source, file)).size]));
  const hash = shortHash(...PYODIDE_FILES.map((file) => readFileSync(join(source, file))));
  return { source, folder: `pyodide-${version}-${hash}`, sizes };
}

/** Vite's `?raw` imports (a file's text), for esbuild: the worker imports the harness's Python files so. */
const rawImports: Plugin = {
  name: "raw-imports",
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, ({ path, resolveDir }) => ({
      path: resolve(resolveDir, path.slice(0, -"?raw".length)),
      namespace: "raw",
    }));
    build.onLoad({ filter: /.*/, namespace: "raw" }, ({ path }) => ({
      contents: readFileSync(path, "utf8"),
      loader: "text",
    }));
  },
};

/**
 * Bundles one entry into `name`.js, with the modules it imports lazily (`import()`) split into chunks
 * beside it: the page controls load the editor (CodeMirror) only when a reader presses Edit.
 * Returns file name to text.
 */
async function bundle(
  root: string,
  entry: string,
  name: string,
  define: Record<string, string>,
): Promise<Record<string, string>> {
  const outdir = join(root, "python-runner-bundle"); // never written: write is false
  const result = await build({
    entryPoints: { [name]: join(root, entry) },
    write: false,
    outdir,
    splitting: true,
    chunkNames: `${name}-[hash]`,
    ...BROWSER_BUNDLE,
    plugins: [rawImports],
    // The worker imports Pyodide's loader at run time, from the runtime folder; only its types are used here.
    external: ["pyodide"],
    define,
  });
  return Object.fromEntries(result.outputFiles.map((file) => [relative(outdir, file.path), file.text]));
}

/** Bundles the worker and the UI; the UI finds the worker, and the worker the runtime, by relative addresses. */
export async function bundleRunner(root: string, runtime: PythonRuntime): Promise<RunnerBundle> {
  const worker = await bundle(root, RUNNER_ENTRIES.worker, "worker", {
    __PYODIDE_DIR__: JSON.stringify(`../${runtime.folder}/`),
    __PYODIDE_FILES__: JSON.stringify(runtime.sizes),
  });
  const ui = await bundle(root, RUNNER_ENTRIES.ui, "ui", { __PYTHON_WORKER_URL__: JSON.stringify("./worker.js") });
  const files = { ...worker, ...ui };
  const names = Object.keys(files).sort();
  return { folder: `runner-${shortHash(...names.flatMap((file) => [file, files[file]!]))}`, files };
}

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript",
  mjs: "text/javascript",
  wasm: "application/wasm",
  zip: "application/zip",
  json: "application/json",
};

export function pythonRunner(): AstroIntegration {
  let runtime: PythonRuntime;
  let runner: RunnerBundle;
  return {
    name: "lesson-site:python-runner",
    hooks: {
      "astro:config:setup": async ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        runtime = findRuntime();
        runner = await bundleRunner(root, runtime);
        const urls = addressBook(config.base);
        const served = urls.python("");
        updateConfig({
          vite: {
            plugins: [
              {
                name: "lesson-site:python-runner",
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL_ID}`
                    ? `export const uiModuleUrl = ${JSON.stringify(urls.python(`${runner.folder}/ui.js`))};\n`
                    : undefined,
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = decodeURIComponent((request.url ?? "").split("?")[0]!);
                    if (!path.startsWith(served)) return next();
                    const [folder, file, ...rest] = path.slice(served.length).split("/");
                    let body: string | Buffer | undefined;
                    if (folder === runner.folder && file && rest.length === 0) body = runner.files[file];
                    if (folder === runtime.folder && (PYODIDE_FILES as readonly string[]).includes(file ?? "")) {
                      body = readFileSync(join(runtime.source, file!));
                    }
                    if (body === undefined || rest.length > 0) return next();
                    response.setHeader(
                      "content-type",
                      CONTENT_TYPES[file!.split(".").pop()!] ?? "application/octet-stream",
                    );
                    response.end(body);
                  });
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), PYTHON_DIR);
        mkdirSync(join(out, runtime.folder), { recursive: true });
        for (const file of PYODIDE_FILES) copyFileSync(join(runtime.source, file), join(out, runtime.folder, file));
        mkdirSync(join(out, runner.folder), { recursive: true });
        for (const [file, text] of Object.entries(runner.files)) writeFileSync(join(out, runner.folder, file), text);
        logger.info(`In-browser Python: ${PYTHON_DIR}/${runtime.folder}/ and ${PYTHON_DIR}/${runner.folder}/`);
      },
    },
  };
}
