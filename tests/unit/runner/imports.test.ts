import { describe, expect, it } from "vitest";
import { parseSettings } from "../../../src/codeblocks/settings";
import { formatList, listModules, MODULES_FILE } from "../../../src/runner/list-modules";
import { browserSupport, chainSupport, importedModules } from "../../../src/runner/imports";
import { readFileSync } from "node:fs";

describe("importedModules", () => {
  it("reads import statements, not strings or comments", () => {
    const code = [
      "import asyncio",
      "import aiohttp  # import fake",
      '"""',
      "import in_a_docstring",
      '"""',
      "from os.path import (join,",
      "    split)",
      "import a.b as c, d",
      "if True:",
      "    import json; from . import sibling",
      "text = 'import quoted'",
    ].join("\n");
    expect(importedModules(code)).toEqual(["asyncio", "aiohttp", "os.path", "a.b", "d", "json", "."]);
  });
});

describe("browserSupport", () => {
  const support = (code: string, meta = "") => browserSupport(code, parseSettings(meta));

  it("runs standard-library blocks on the virtual clock, realtime ones on the real clock", () => {
    expect(support("import asyncio\nimport time")).toEqual({ runnable: true, clock: "virtual" });
    expect(support("import asyncio", "realtime")).toEqual({ runnable: true, clock: "real" });
  });

  it("keeps out what Pyodide lacks, the network, processes and threads, saying why", () => {
    expect(support("import asyncio\nimport aiohttp", "network")).toEqual({
      runnable: false,
      reason: "needs aiohttp and talks to the network",
    });
    expect(support("import numpy")).toEqual({ runnable: false, reason: "needs numpy" });
    expect(support("import subprocess")).toEqual({
      runnable: false,
      reason: "uses subprocess, which starts other programs",
    });
    expect(support("from concurrent.futures import ThreadPoolExecutor")).toMatchObject({ runnable: false });
    expect(support("import tkinter")).toEqual({ runnable: false, reason: "needs tkinter" });
    expect(support("print(1)", 'skip="needs a GPU"')).toEqual({
      runnable: false,
      reason: "is not run by the tests either (needs a GPU)",
    });
  });

  it("lets a chained block run only when the blocks it continues can", () => {
    const asyncio = support("import asyncio");
    const aiohttp = support("import aiohttp");
    expect(chainSupport(asyncio, [aiohttp])).toEqual({
      runnable: false,
      reason: "continues an example that needs aiohttp",
    });
    expect(chainSupport(asyncio, [support("x = 1", "realtime")])).toEqual({ runnable: true, clock: "real" });
    expect(chainSupport(aiohttp, [asyncio])).toEqual(aiohttp);
  });
});

describe("the committed list of Pyodide's modules", () => {
  it("matches the installed Pyodide (regenerate: npx tsx src/runner/list-modules.ts)", async () => {
    const list = await listModules();
    expect(readFileSync(MODULES_FILE, "utf8")).toBe(formatList(list));
    expect(list.modules).toContain("asyncio");
    expect(list.modules).not.toContain("tkinter");
  }, 60_000);
});
