/**
 * Makes sure the code block tests have what they need on this machine kind:
 * a python3 that can import aiohttp (Debian's python3-aiohttp, for Debian's
 * own /usr/bin/python3; PyPI is out of reach) and the openssl command for the
 * fixture server's certificate. Installs them with apt-get, loudly, when
 * missing; a `$PYTHON` chosen by the developer is used as it is.
 */
import { choosePython, type Python } from "../../src/codeblocks/interpreter";
import { aptInstall, commandExists } from "./system-packages";

function pythonOrUndefined(): Python | undefined {
  try {
    return choosePython();
  } catch {
    return undefined;
  }
}

export function ensureBlockPython(): Python {
  let python = pythonOrUndefined();
  // Where nothing can be installed, the network blocks report themselves as
  // skipped with the reason (and fail on CI, which must skip nothing).
  const install = (packages: string[], why: string) => {
    try {
      aptInstall(packages, why);
    } catch (error) {
      console.warn(`[setup] ${(error as Error).message}`);
    }
  };
  if (!python?.hasAiohttp && !process.env.PYTHON) {
    install(
      ["python3-aiohttp"],
      "The network code blocks need the Python module aiohttp, which no python3 here can import",
    );
    python = pythonOrUndefined();
  }
  if (!commandExists("openssl")) {
    install(["openssl"], "The network code blocks need the openssl command to make a test certificate");
  }
  // Throws, saying what to do, when there is still no usable Python.
  python ??= choosePython();
  console.log(
    `[setup] Code blocks run with ${python.command} (Python ${python.version}, ` +
      `aiohttp ${python.hasAiohttp ? "available" : "missing: network blocks will be reported as skipped"}).`,
  );
  return python;
}
