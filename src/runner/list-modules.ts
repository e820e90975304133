/**
 * Lists the standard modules that the Pyodide shipped with the site can
 * import, by importing each one in Pyodide under Node. The list is committed
 * (src/runner/pyodide-modules.json) so a build never has to start Python;
 * tests/unit/runner/imports.test.ts fails when it no longer matches the
 * installed Pyodide. Regenerate: `npx tsx src/runner/list-modules.ts`.
 *
 * Only the standard library counts: the npm package holds no other packages
 * (their wheels live on Pyodide's CDN, which the site never uses).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

export const MODULES_FILE = join(import.meta.dirname, "pyodide-modules.json");

export interface ModuleList {
  pyodide: string;
  python: string;
  modules: string[];
}

const LIST = `
import importlib, json, sys
found = []
for name in sorted(sys.stdlib_module_names):
    if name.startswith("_") or name in ("this", "antigravity"):  # private, or prints on import
        continue
    try:
        importlib.import_module(name)
    except BaseException:
        continue
    found.append(name)
json.dumps({"python": sys.version.split()[0], "modules": found})
`;

export async function listModules(): Promise<ModuleList> {
  // The Zen of Python and friends print on import; keep them out of the terminal.
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  const { python, modules } = JSON.parse(pyodide.runPython(LIST) as string) as Omit<ModuleList, "pyodide">;
  return { pyodide: pyodide.version, python, modules };
}

export const formatList = (list: ModuleList) => `${JSON.stringify(list, null, 2)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(MODULES_FILE, formatList(await listModules()));
  console.log(`wrote ${MODULES_FILE}`);
}
