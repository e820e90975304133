/**
 * The sandbox every code block process runs in: bubblewrap (`bwrap`), which
 * gives the process
 *
 * - a network namespace with only loopback: nothing leaves the sandbox, by any
 *   route (the `network` blocks' fixture server runs inside it);
 * - a read-only view of the system, with the homes (/root, /home, $HOME), the
 *   repository and the current directory hidden under empty read-only tmpfs
 *   mounts (the harness and the interpreter's own folders shown again), a
 *   fresh /tmp, and one writable folder: the block's own temp folder (its
 *   working directory and HOME);
 * - a cleared environment: PATH, LANG, HOME, PYTHONHASHSEED and, for network
 *   blocks, SSL_CERT_FILE; no CI secrets;
 * - its own PID namespace, session and no capabilities: when the block's main
 *   process ends, or bwrap is killed (`--die-with-parent`), every process the
 *   block started dies with it, and it cannot signal anything outside.
 *
 * Where no sandbox can be had (no bwrap, or bwrap cannot create namespaces)
 * blocks fail with a message saying what to install. A developer on another
 * system may set LESSONS_UNSANDBOXED=1 to run them unconfined; never with CI set.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";

export const BWRAP = "bwrap";
export const OPT_OUT = "LESSONS_UNSANDBOXED";
const ROOT = resolve(import.meta.dirname, "../..");
/** The harness's Python package; stays readable where the repository is hidden. */
export const HARNESS_DIR = join(import.meta.dirname, "python");

/** Who the sandbox runs as, when not as the runner's own user. */
export interface SandboxUser {
  uid: number;
  gid: number;
}

/**
 * Run as root, the runner starts the sandbox as `nobody`, so a block cannot
 * read what only root may (/etc/shadow, keys, other checkouts' secrets).
 */
const NOBODY: SandboxUser = { uid: 65534, gid: 65534 };

export type Sandbox =
  | { kind: "bwrap"; user?: SandboxUser }
  | { kind: "unsandboxed"; warning: string }
  | { kind: "unavailable"; problem: string };

/** Namespaces, session and capabilities; the same for the probe and the blocks. */
const ISOLATION = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"];

const INSTALL_HINT =
  "Code blocks come from lesson authors and only run inside a bubblewrap sandbox. " +
  "Install it (Debian/Ubuntu: apt-get install bubblewrap; npm test does this by itself when it can)";

function tryBwrap(bwrap: string, user?: SandboxUser) {
  return spawnSync(
    bwrap,
    [...ISOLATION, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--clearenv", "true"],
    { encoding: "utf8", timeout: 30_000, ...user },
  );
}

/**
 * Whether blocks can run sandboxed here, by running a trivial command in the
 * sandbox (as `nobody` first when root). Not cached: see detectSandbox.
 */
export function probeSandbox(env: NodeJS.ProcessEnv = process.env, bwrap: string = BWRAP): Sandbox {
  const optOut = env[OPT_OUT] === "1";
  if (optOut && !env.CI) {
    return {
      kind: "unsandboxed",
      warning:
        `!!! ${OPT_OUT}=1: code blocks run WITHOUT a sandbox. They can read your environment and files, ` +
        "write anywhere you can, reach the network and leave processes behind. Only for lessons you trust. !!!",
    };
  }
  if (process.getuid?.() === 0 && tryBwrap(bwrap, NOBODY).status === 0) return { kind: "bwrap", user: NOBODY };
  const ignored = optOut ? ` (${OPT_OUT}=1 is ignored because CI is set: CI never runs blocks unconfined)` : "";
  const probe = tryBwrap(bwrap);
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    return { kind: "unavailable", problem: `bubblewrap (bwrap) is not installed. ${INSTALL_HINT}${ignored}.` };
  }
  if (probe.error || probe.status !== 0) {
    const why = (probe.error?.message ?? probe.stderr.trim()) || `exit status ${probe.status}`;
    return {
      kind: "unavailable",
      problem:
        `bubblewrap (bwrap) cannot create its sandbox here: ${why}. It needs user namespaces ` +
        `(run as root, or allow unprivileged user namespaces, e.g. sysctl kernel.unprivileged_userns_clone=1)${ignored}.`,
    };
  }
  return { kind: "bwrap" };
}

let cached: Sandbox | undefined;

/** probeSandbox, once per process. */
export function detectSandbox(): Sandbox {
  cached ??= probeSandbox();
  return cached;
}

export interface Interpreter {
  /** The real executable, so no shim (pyenv) needs its environment variables. */
  executable: string;
  /** Folders the interpreter reads from: its prefixes and import path. */
  paths: string[];
}

const interpreters = new Map<string, Interpreter>();

/** Asks the Python command where it really lives; throws with the reason when it cannot run. */
export function resolveInterpreter(command: string): Interpreter {
  const known = interpreters.get(command);
  if (known) return known;
  const script =
    "import json, sys; print(json.dumps([sys.executable, sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path]))";
  const result = spawnSync(command, ["-c", script], { encoding: "utf8", timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`could not start ${command}: ${(result.error?.message ?? result.stderr.trim()) || result.status}`);
  }
  const [executable, ...paths] = JSON.parse(result.stdout) as string[];
  if (!executable) throw new Error(`${command} does not know its own executable (sys.executable is empty)`);
  const interpreter = { executable, paths: [dirname(executable), ...paths.filter((path) => path.startsWith("/"))] };
  interpreters.set(command, interpreter);
  return interpreter;
}

const usable = new Map<string, boolean>();

/**
 * Whether `user` can run the interpreter and read the harness (not when
 * either lives under root's home, say); otherwise the sandbox runs as the
 * runner's own user, still without capabilities.
 */
export function canRunAs(user: SandboxUser, interpreter: Interpreter): boolean {
  const key = `${user.uid}:${interpreter.executable}`;
  let answer = usable.get(key);
  if (answer === undefined) {
    const check = `import os, sys; sys.exit(0 if os.access(${JSON.stringify(HARNESS_DIR)}, os.R_OK | os.X_OK) else 1)`;
    const result = spawnSync(interpreter.executable, ["-S", "-c", check], {
      timeout: 30_000,
      env: {},
      cwd: "/",
      ...user,
    });
    answer = result.status === 0;
    usable.set(key, answer);
  }
  return answer;
}

const isWithin = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
};

/** Folders whose contents a block has no business reading: the homes, the repository, the current directory. */
function hiddenFolders(): string[] {
  const candidates = ["/root", "/home", homedir(), ROOT, process.cwd()];
  // /tmp itself is a fresh tmpfs already; a checkout inside it (as CI may make) is hidden like any other.
  return [...new Set(candidates.map((path) => resolve(path)))].filter(
    (path) => path !== "/" && path !== "/tmp" && existsSync(path),
  );
}

export interface SandboxLayout {
  interpreter: Interpreter;
  /** The block's own temp folder (holds `work`, the job and results files): writable. */
  dir: string;
  /** The working directory, inside `dir`; also HOME. */
  work: string;
  /** Files or folders the harness reads (the fixture certificates). */
  readOnly: string[];
  env: Record<string, string>;
}

/** The environment of a block: nothing from the runner's. */
export function blockEnvironment(interpreter: Interpreter, work: string, caFile?: string): Record<string, string> {
  return {
    PATH: `${dirname(interpreter.executable)}:/usr/local/bin:/usr/bin:/bin`,
    LANG: "C.UTF-8",
    HOME: work,
    // A fixed hash seed keeps the printing order of sets stable from run to run.
    PYTHONHASHSEED: "0",
    ...(caFile && { SSL_CERT_FILE: caFile }),
  };
}

/** bwrap's arguments that run `command args...` in the sandbox (see the module comment). */
export function bwrapArgs(layout: SandboxLayout, command: string[]): string[] {
  // Never hide a folder that holds what the block must write or read (its temp folder, the certificates).
  const hidden = hiddenFolders().filter(
    (folder) => ![layout.dir, ...layout.readOnly].some((path) => isWithin(path, folder)),
  );
  // What the interpreter and harness need from hidden folders (and from /tmp, which the sandbox replaces:
  // a checkout or a virtual environment may live there) comes back read-only; never a folder that would
  // show a hidden one whole.
  const covered = [...hidden, "/tmp"];
  const needed = [HARNESS_DIR, ...layout.interpreter.paths].filter(
    (path) => existsSync(path) && covered.some((folder) => isWithin(path, folder) && path !== folder),
  );
  // A folder inside another that is shown already needs no mount of its own.
  const shown = [...new Set(needed)].filter((path) => !needed.some((other) => other !== path && isWithin(path, other)));
  return [
    ...ISOLATION,
    ...["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"],
    ...hidden.flatMap((folder) => ["--tmpfs", folder]),
    ...shown.flatMap((path) => ["--ro-bind", path, path]),
    // Read-only too, so writing there fails instead of vanishing into the tmpfs.
    ...hidden.flatMap((folder) => ["--remount-ro", folder]),
    ...["--bind", layout.dir, layout.dir],
    ...layout.readOnly.flatMap((path) => ["--ro-bind", path, path]),
    ...["--chdir", layout.work, "--clearenv"],
    ...Object.entries(layout.env).flatMap(([name, value]) => ["--setenv", name, value]),
    "--",
    ...command,
  ];
}
