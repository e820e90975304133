/**
 * Chooses the Python that runs the code blocks: `$PYTHON` when set, otherwise
 * the first `python3` that can import aiohttp (the network blocks need it),
 * otherwise Debian's /usr/bin/python3, where `apt-get install python3-aiohttp`
 * can add it, otherwise any `python3`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Python {
  command: string;
  version: string;
  hasAiohttp: boolean;
}

export const SYSTEM_PYTHON = "/usr/bin/python3";
const MINIMUM = [3, 10] as const;

const PROBE = `
import sys
try:
    import aiohttp
    has_aiohttp = True
except Exception:
    has_aiohttp = False
print("%d.%d.%d" % sys.version_info[:3], has_aiohttp)
`;

export function probePython(command: string): Python | { command: string; problem: string } {
  const result = spawnSync(command, ["-c", PROBE], { encoding: "utf8", timeout: 30_000 });
  if (result.error || result.status !== 0) {
    return { command, problem: (result.error?.message ?? result.stderr.trim()) || `exit status ${result.status}` };
  }
  const [version = "", aiohttp] = result.stdout.trim().split(" ");
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
    return {
      command,
      problem: `Python ${version} is too old; the code block harness needs ${MINIMUM.join(".")} or newer`,
    };
  }
  return { command, version, hasAiohttp: aiohttp === "True" };
}

const isPython = (probe: ReturnType<typeof probePython>): probe is Python => "version" in probe;

/** Throws, saying what was tried and what to do, when no usable Python is found. */
export function choosePython(env: NodeJS.ProcessEnv = process.env): Python {
  if (env.PYTHON) {
    const probe = probePython(env.PYTHON);
    if (!isPython(probe)) throw new Error(`PYTHON is set to ${env.PYTHON}, which does not work: ${probe.problem}`);
    return probe;
  }
  const commands = ["python3", ...(existsSync(SYSTEM_PYTHON) ? [SYSTEM_PYTHON] : [])];
  const probes = commands.map(probePython);
  const usable = probes.filter(isPython);
  const choice =
    usable.find((python) => python.hasAiohttp) ??
    usable.find((python) => python.command === SYSTEM_PYTHON) ??
    usable[0];
  if (!choice) {
    const tried = probes.map((probe) => `${probe.command}: ${isPython(probe) ? "ok" : probe.problem}`).join("; ");
    throw new Error(`No usable Python 3 found (${tried}). Install python3, or set PYTHON to an interpreter.`);
  }
  return choice;
}
