/**
 * Runs a chain of code blocks (a block and the `continue` blocks after it) in
 * a fresh Python process and judges each block.
 *
 * The process runs src/codeblocks/python/run_blocks.py inside the sandbox
 * (sandbox.ts: bubblewrap; no network, no environment, a read-only system and
 * an empty temp working directory), with stdin closed (/dev/null). It reports
 * each block through a results file and splits its output by printing a random
 * marker after each block (see lesson_harness/blocks.py).
 *
 * Everything is bounded from here, without the child's cooperation: each
 * block's timeout, the whole chain's limit (chainLimitSeconds), the output
 * size and the suite's deadline; past any of them the sandbox is SIGKILLed,
 * and with it (PID namespace, --die-with-parent) everything the block started.
 */
import { spawn, type ChildProcessByStdio, type SpawnOptionsWithStdioTuple } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { fixtureCertificates, type FixtureCertificates } from "./certificates";
import { outputDiff, outputMatches } from "./compare";
import type { CodeBlock } from "./extract";
import {
  blockEnvironment,
  BWRAP,
  bwrapArgs,
  canRunAs,
  detectSandbox,
  resolveInterpreter,
  type Interpreter,
  type SandboxUser,
} from "./sandbox";

const HARNESS = join(import.meta.dirname, "python", "run_blocks.py");
export const DEFAULT_MAX_OUTPUT_BYTES = 100_000;
/** How long the process may take to exit after its last block. */
export const EXIT_GRACE_SECONDS = 5;
/** How long, after the process ended, its output pipes may stay open (held by a straggler) before they are cut. */
const DRAIN_SECONDS = 2;

/** A time limit for everything that runs, e.g. the whole block suite. */
export interface Deadline {
  /** Date.now() at which it passes. */
  at: number;
  /** What to tell the reader, e.g. "the block suite's limit of 600 s (LESSONS_SUITE_TIMEOUT)". */
  description: string;
}

export interface RunOptions {
  /** The Python command (see interpreter.ts). */
  python: string;
  /** Fail, instead of skip, a network block whose module is missing: CI must run every block. */
  strict?: boolean;
  maxOutputBytes?: number;
  /** Chains that would start after it are not run; a chain still running at it is stopped. Both fail. */
  deadline?: Deadline;
}

export type Status = "passed" | "failed" | "skipped";

export interface BlockResult {
  block: CodeBlock;
  status: Status;
  /** Why it failed or was skipped. */
  message?: string;
  /** What it printed, when it ran to its end the way its settings expect (then --update may record it). */
  output?: string;
  /** Real time from the start of the block (or of the process, for the first block) to its end. */
  realSeconds: number;
  /** Virtual seconds the block slept; null on the real clock. */
  virtualSeconds: number | null;
}

export interface HarnessError {
  type: string;
  types: string[];
  message: string;
  traceback: string;
  missingModule?: string;
  missingModuleIsStandard?: boolean;
}

interface HarnessRecord {
  error: HarnessError | null;
  virtualSeconds: number | null;
}

interface ProcessRun {
  /** Output of each block that reported, plus the unfinished block's output if it was stopped. */
  outputs: string[];
  records: HarnessRecord[];
  /** Seconds from spawn to each block's end marker. */
  endTimes: number[];
  /** Seconds from spawn to the end of the process. */
  exitTime: number;
  /** Why the process was stopped or failed, if it was. */
  problem?: string;
}

const needsNetwork = (chain: readonly CodeBlock[]) => chain.some((block) => block.settings.network);
const onRealClock = (chain: readonly CodeBlock[]) => chain.some((b) => b.settings.network || b.settings.realtime);

/**
 * The longest the runner can take over a chain: every block's timeout, the
 * exit grace and the output drain. Test timeouts must exceed it.
 */
export function chainLimitSeconds(chain: readonly CodeBlock[]): number {
  return chain.reduce((sum, block) => sum + block.settings.timeout, 0) + EXIT_GRACE_SECONDS + DRAIN_SECONDS;
}

/** How the harness is started: in the sandbox or (opted out) not; as another user or not. */
interface Confinement {
  sandboxed: boolean;
  user?: SandboxUser | undefined;
}

/** The chain's files in its own temp folder: the job for the harness, its results file, the working directory. */
interface Job {
  dir: string;
  work: string;
  jobFile: string;
  resultsFile: string;
  marker: string;
}

function writeJob(
  chain: readonly CodeBlock[],
  fileText: string,
  certificates: FixtureCertificates | null,
  user: SandboxUser | undefined,
): Job {
  const dir = mkdtempSync(join(tmpdir(), "lesson-block-"));
  const work = join(dir, "work");
  mkdirSync(work);
  const marker = `\u0000${randomUUID()}\u0000`;
  const resultsFile = join(dir, "results.jsonl");
  const jobFile = join(dir, "job.json");
  const job = {
    files: { [chain[0]!.file]: fileText },
    blocks: chain.map((block) => ({
      file: block.file,
      firstLine: block.firstCodeLine,
      source: block.code,
      expectsError: block.settings.raises !== undefined,
    })),
    clock: onRealClock(chain) ? "real" : "virtual",
    network: certificates,
    marker,
    results: resultsFile,
  };
  writeFileSync(jobFile, JSON.stringify(job));
  // The sandbox's user writes the results and whatever the block writes.
  if (user) for (const path of [dir, work]) chownSync(path, user.uid, user.gid);
  return { dir, work, jobFile, resultsFile, marker };
}

type BlockProcess = ChildProcessByStdio<null, Readable, Readable>;

/**
 * Starts the harness on the job: in the sandbox, or (opted out) unconfined
 * but still with the block's own environment. Its own process group, so that
 * killing the group kills bwrap (or, unconfined, what stayed in the group).
 */
function startHarness(
  job: Job,
  interpreter: Interpreter,
  certificates: FixtureCertificates | null,
  { sandboxed, user }: Confinement,
): BlockProcess {
  const env = blockEnvironment(interpreter, job.work, certificates?.caFile);
  const python = [interpreter.executable, "-B", "-u", "-X", "utf8", HARNESS, job.jobFile];
  const options: SpawnOptionsWithStdioTuple<"ignore", "pipe", "pipe"> = {
    cwd: job.work,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env,
  };
  if (!sandboxed) return spawn(python[0]!, python.slice(1), options);
  // The CA's certificate and the server's certificate and key; not the CA's key.
  const readOnly = certificates ? [certificates.caFile, certificates.certFile, certificates.keyFile] : [];
  const args = bwrapArgs({ interpreter, dir: job.dir, work: job.work, readOnly, env }, python);
  return spawn(BWRAP, args, { ...options, ...user });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** The harness's report on each block that finished. */
function readRecords(resultsFile: string): HarnessRecord[] {
  try {
    return readFileSync(resultsFile, "utf8")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as HarnessRecord);
  } catch {
    // No results file: the harness died before the first block finished.
    return [];
  }
}

/** "with status 3" or "by SIGSEGV"; bwrap passes on a death by signal as status 128 + its number. */
function describeEnding(code: number | null, signal: NodeJS.Signals | null, sandboxed: boolean): string {
  const number = sandboxed && code !== null && code > 128 ? code - 128 : undefined;
  const name = signal ?? Object.entries(constants.signals).find(([, value]) => value === number)?.[0];
  return name ? `by ${name}` : `with status ${code}`;
}

interface Watched {
  text: string;
  stderr: string;
  endTimes: number[];
  /** How the process ended, e.g. "with status 3" or "by SIGSEGV". */
  ending: string;
  problem?: string;
}

/**
 * Collects the process's output and ends it at the first limit it passes:
 * the running block's timeout (re-armed at each block's end marker), the
 * chain's overall limit and the deadline (never re-armed), the output size.
 * Node's timers and SIGKILL: nothing here waits on the child's cooperation.
 */
async function watch(
  child: BlockProcess,
  chain: readonly CodeBlock[],
  marker: string,
  options: RunOptions,
  started: number,
  sandboxed: boolean,
): Promise<Watched> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const watched: Omit<Watched, "ending"> = { text: "", stderr: "", endTimes: [] };
  let bytes = 0;
  const stop = (reason: string) => {
    watched.problem ??= reason;
    killGroup(child.pid);
  };

  let blockTimer: NodeJS.Timeout | undefined;
  const arm = (finished: number) => {
    clearTimeout(blockTimer);
    const block = chain[finished];
    const seconds = block ? block.settings.timeout : EXIT_GRACE_SECONDS;
    blockTimer = setTimeout(() => {
      stop(
        block
          ? `timed out after ${seconds} s (set a longer timeout=<seconds> in the fence if it really needs more)`
          : `the process did not exit within ${seconds} s after its last block (a thread or child process still running?)`,
      );
    }, seconds * 1000);
  };
  arm(0);
  // A block that prints end markers of its own only re-arms the timers of the
  // blocks after it; this one bounds the whole chain, and the deadline everything.
  const chainSeconds = chainLimitSeconds(chain) - DRAIN_SECONDS;
  const chainTimer = setTimeout(
    () => stop(`the chain ran past its overall limit of ${chainSeconds} s (its blocks' timeouts and the exit grace)`),
    chainSeconds * 1000,
  );
  const deadline = options.deadline;
  const deadlineTimer =
    deadline &&
    setTimeout(
      () => stop(`stopped: the run reached ${deadline.description}`),
      // Node fires a delay past 2**31 - 1 ms (24.8 days) at once; wait that long at most.
      Math.min(Math.max(0, deadline.at - Date.now()), 2 ** 31 - 1),
    );

  const decoder = new StringDecoder("utf8");
  child.stdout.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      stop(`printed more than ${maxBytes} bytes, the output limit (an endless loop?)`);
      return;
    }
    watched.text += decoder.write(chunk);
    const ended = watched.text.split(marker).length - 1;
    if (ended > watched.endTimes.length) {
      const now = (performance.now() - started) / 1000;
      while (watched.endTimes.length < ended) watched.endTimes.push(now);
      // The next block's timeout starts now.
      arm(ended);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => {
    // Only the harness's own start-up problems (and bwrap's) land here: it
    // merges the block's stderr into stdout.
    watched.stderr += chunk.toString();
  });

  const ending = await new Promise<string>((resolve) => {
    child.on("error", (error) => {
      stop(`could not start ${child.spawnfile}: ${error.message}`);
      resolve("without starting");
    });
    child.on("exit", (code, signal) => {
      killGroup(child.pid);
      // Nothing in the sandbox outlives it; unconfined, a grandchild that
      // left the process group could hold the pipes open.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        resolve(describeEnding(code, signal, sandboxed));
      }, DRAIN_SECONDS * 1000).unref();
    });
    child.on("close", (code: number | null, signal: NodeJS.Signals | null) =>
      resolve(describeEnding(code, signal, sandboxed)),
    );
  });
  clearTimeout(blockTimer);
  clearTimeout(chainTimer);
  clearTimeout(deadlineTimer);
  return { ...watched, ending };
}

async function runProcess(
  chain: readonly CodeBlock[],
  fileText: string,
  certificates: FixtureCertificates | null,
  interpreter: Interpreter,
  confinement: Confinement,
  options: RunOptions,
): Promise<ProcessRun> {
  const job = writeJob(chain, fileText, certificates, confinement.sandboxed ? confinement.user : undefined);
  const started = performance.now();
  const child = startHarness(job, interpreter, certificates, confinement);
  const watched = await watch(child, chain, job.marker, options, started, confinement.sandboxed);
  const { text, stderr, endTimes, ending } = watched;
  const records = readRecords(job.resultsFile);
  rmSync(job.dir, { recursive: true, force: true });

  let problem = watched.problem;
  const segments = text.split(job.marker);
  const outputs = segments.slice(0, records.length);
  const rest = segments.slice(records.length).join("");
  const last = records.length - 1;
  const finished =
    records.length === chain.length || (last >= 0 && records[last]!.error !== null && !chain[last]!.settings.raises);
  if (finished) {
    // Output printed while the interpreter shut down belongs to the last block.
    outputs[outputs.length - 1] += rest;
  } else {
    outputs.push(rest);
    if (!problem) {
      problem = `Python ended ${ending} before the block finished${stderr ? `:\n${stderr.trimEnd()}` : ""}`;
    }
  }
  const exitTime = (performance.now() - started) / 1000;
  return { outputs, records, endTimes, exitTime, ...(problem !== undefined && { problem }) };
}

const indent = (text: string) => text.replace(/^(?=.)/gm, "    ");

/** The start of a long output, for messages. */
function excerpt(output: string, maxLines = 20): string {
  const lines = output.trimEnd().split("\n");
  const shown = lines.slice(0, maxLines).map((line) => (line.length > 200 ? `${line.slice(0, 200)}...` : line));
  return indent(
    lines.length > maxLines ? `${shown.join("\n")}\n[${lines.length - maxLines} more lines]` : shown.join("\n"),
  );
}

function describeExpected(block: CodeBlock): string {
  const { type, message } = block.settings.raises!;
  return message === undefined ? type : `${type}: ${message}`;
}

/**
 * Whether the exception is (a subclass of) the expected type. A dotted name
 * also matches by its last part: `asyncio.TimeoutError` is the builtin
 * TimeoutError from Python 3.11 on.
 */
function raisesType(expected: string, error: HarnessError): boolean {
  return error.types.includes(expected) || error.types.includes(expected.split(".").at(-1)!);
}

/** Judges one block that the harness reported on. */
function judge(
  block: CodeBlock,
  record: HarnessRecord,
  output: string,
  options: RunOptions,
): Pick<BlockResult, "status" | "message" | "output"> {
  const { error } = record;
  const { raises, network } = block.settings;
  if (error?.missingModule && network && !error.missingModuleIsStandard) {
    const reason =
      `needs the Python module "${error.missingModule}", which ${options.python} cannot import ` +
      "(install it for that interpreter, or set PYTHON to a python3 that has it; " +
      "npm test installs Debian's python3-aiohttp for /usr/bin/python3)";
    return options.strict
      ? { status: "failed", message: `${reason}; CI must run every block, so this is a failure` }
      : { status: "skipped", message: reason };
  }

  const problems: string[] = [];
  let complete = true;
  if (raises) {
    if (!error) {
      problems.push(`expected it to raise ${describeExpected(block)}, but it finished without an exception.`);
      complete = false;
    } else if (!raisesType(raises.type, error)) {
      problems.push(
        `expected it to raise ${describeExpected(block)}, but it raised:\n${indent(error.traceback.trimEnd())}`,
      );
      complete = false;
    } else if (raises.message !== undefined && !outputMatches(raises.message, error.message)) {
      problems.push(
        `raised ${raises.type} as expected, but with another message:\n` +
          indent(outputDiff(raises.message, error.message, "expected message", "actual message")),
      );
      complete = false;
    }
  } else if (error) {
    problems.push(`raised an exception:\n${indent(error.traceback.trimEnd())}`);
    complete = false;
  }

  const expected = block.output?.text ?? "";
  if (!outputMatches(expected, output)) {
    problems.push(
      block.output
        ? `printed something other than its output block (${block.file}:${block.output.start}-${block.output.end}):\n` +
            indent(outputDiff(expected, output, "expected", "actual"))
        : "printed output but has no ```output block after it; add one (npm run test:blocks -- --update writes it):\n" +
            excerpt(output),
    );
  }
  const result = complete ? { output } : {};
  return problems.length === 0
    ? { status: "passed", ...result }
    : { status: "failed", message: problems.join("\n"), ...result };
}

/**
 * The verdict of `npm test` on a run made elsewhere (in the browser): the
 * block's printed output (stdout and stderr, without the traceback of the
 * exception it ended with) and that exception. Null when it passed; otherwise
 * why not, worded as the test runner words it.
 */
export function judgeRun(block: CodeBlock, error: HarnessError | null, output: string): string | null {
  const verdict = judge(block, { error, virtualSeconds: null }, output, { python: "python3" });
  return verdict.status === "passed" ? null : (verdict.message ?? verdict.status);
}

/**
 * Runs the chain and returns one result per block, in order. `fileText` is the
 * MDX file the blocks come from, so tracebacks can quote it.
 */
export async function runChain(
  chain: readonly CodeBlock[],
  fileText: string,
  options: RunOptions,
): Promise<BlockResult[]> {
  const first = chain[0]!;
  if (first.settings.skip !== undefined) {
    return [{ block: first, status: "skipped", message: first.settings.skip, realSeconds: 0, virtualSeconds: null }];
  }
  const failAll = (message: string) =>
    chain.map((block): BlockResult => ({ block, status: "failed", message, realSeconds: 0, virtualSeconds: null }));
  if (options.deadline && Date.now() >= options.deadline.at) {
    return failAll(`not run: the run had already reached ${options.deadline.description}.`);
  }
  const sandbox = detectSandbox();
  if (sandbox.kind === "unavailable") return failAll(`not run: ${sandbox.problem}`);
  if (sandbox.kind === "unsandboxed") warnOnce(sandbox.warning);
  let interpreter: Interpreter;
  let certificates: FixtureCertificates | null = null;
  try {
    interpreter = resolveInterpreter(options.python);
    if (needsNetwork(chain)) certificates = fixtureCertificates();
  } catch (error) {
    return failAll((error as Error).message);
  }

  const user = sandbox.kind === "bwrap" && sandbox.user;
  if (user && !canRunAs(user, interpreter)) {
    warnOnce(
      `Code blocks run sandboxed but as root, not as nobody: nobody cannot run ${interpreter.executable} ` +
        "or read the harness (under /root?). Blocks can then read files only root may read; use a Python " +
        "everyone can run (e.g. PYTHON=/usr/bin/python3).",
    );
  }
  const confinement: Confinement =
    sandbox.kind === "bwrap"
      ? { sandboxed: true, user: user && canRunAs(user, interpreter) ? user : undefined }
      : { sandboxed: false };
  const run = await runProcess(chain, fileText, certificates, interpreter, confinement, options);
  let stoppedAt: CodeBlock | undefined;
  return chain.map((block, index): BlockResult => {
    const realSeconds =
      (run.endTimes[index] ?? run.exitTime) - (index > 0 ? (run.endTimes[index - 1] ?? run.exitTime) : 0);
    const record = run.records[index];
    const output = run.outputs[index] ?? "";
    if (stoppedAt) {
      const message = `not run, because ${stoppedAt.name} before it in the chain failed.`;
      return { block, status: "failed", message, realSeconds: 0, virtualSeconds: null };
    }
    if (!record) {
      stoppedAt = block;
      const printed = output.trimEnd() ? `\nIt printed:\n${excerpt(output)}` : "";
      return { block, status: "failed", message: `${run.problem}${printed}`, realSeconds, virtualSeconds: null };
    }
    const verdict = judge(block, record, output, options);
    if (record.error && !block.settings.raises) stoppedAt = block;
    if (index === run.records.length - 1 && run.problem && verdict.status !== "failed") {
      return { block, status: "failed", message: run.problem, realSeconds, virtualSeconds: record.virtualSeconds };
    }
    return { block, ...verdict, realSeconds, virtualSeconds: record.virtualSeconds };
  });
}

let warned = false;

function warnOnce(warning: string): void {
  if (warned) return;
  warned = true;
  console.warn(`\n${warning}\n`);
}
