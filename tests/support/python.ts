/**
 * Makes sure the code block tests have what they need on this machine kind:
 * a python3 that can import aiohttp (Debian's python3-aiohttp, for Debian's
 * own /usr/bin/python3; PyPI is out of reach) and the openssl command for the
 * fixture server's certificate, and bubblewrap, the sandbox every block runs
 * in. Installs them with apt-get, loudly, when missing; a `$PYTHON` chosen by
 * the developer is used as it is.
 */
import { choosePython, type Python } from "../../src/codeblocks/interpreter";
import { BWRAP, detectSandbox, OPT_OUT } from "../../src/codeblocks/sandbox";
import { aptInstall, commandExists } from "../../src/tooling/system-packages";

function pythonOrUndefined(): Python | undefined {
  try {
    return choosePython();
  } catch {
    return undefined;
  }
}

const install = (packages: string[], why: string) => {
  try {
    aptInstall(packages, why);
  } catch (error) {
    console.warn(`[setup] ${(error as Error).message}`);
  }
};

/**
 * Installs bubblewrap when missing. Where the sandbox still cannot be had,
 * says so: every block then fails with that reason (it never runs unconfined,
 * unless a developer without CI set LESSONS_UNSANDBOXED=1).
 */
export function ensureSandbox(): void {
  const optedOut = process.env[OPT_OUT] === "1" && !process.env.CI;
  if (!optedOut && !commandExists(BWRAP)) {
    install(["bubblewrap"], "Code blocks run in a bubblewrap sandbox, and the bwrap command is missing");
  }
  const sandbox = detectSandbox();
  if (sandbox.kind === "bwrap") {
    console.log(`[setup] Code blocks run in a bubblewrap sandbox${sandbox.user ? ", as nobody" : ""}.`);
  } else if (sandbox.kind === "unsandboxed") console.warn(`[setup] ${sandbox.warning}`);
  else console.warn(`[setup] ${sandbox.problem} Until then every code block test fails.`);
}

export function ensureBlockPython(): Python {
  let python = pythonOrUndefined();
  // Where nothing can be installed, the network blocks report themselves as
  // skipped with the reason (and fail on CI, which must skip nothing).
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
