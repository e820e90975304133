/**
 * The threat model of code blocks, one test per attack: a lesson comes from an
 * untrusted author and CI runs its blocks. Each block of
 * tests/fixtures/codeblocks/hostile.mdx tries one escape; each test checks
 * from outside the sandbox (servers this test runs on the host's loopback,
 * the repository, /proc) that it did not work, and that the block really ran.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chains, extractBlocks } from "../../src/codeblocks/extract";
import { chainLimitSeconds, EXIT_GRACE_SECONDS, type BlockResult } from "../../src/codeblocks/run";
import { BWRAP, bwrapArgs, detectSandbox, OPT_OUT, probeSandbox } from "../../src/codeblocks/sandbox";
import { parseSettings } from "../../src/codeblocks/settings";
import { readBlocks, runBlocks, suiteDeadline, type LessonBlocks } from "../../src/codeblocks/suite";

const FIXTURE = "tests/fixtures/codeblocks/hostile.mdx";
const python = inject("python");
const REPO = resolve(".");
const REAL_HOME = homedir();
const TAG = `lesson-escape-${randomUUID()}`;
const SECRET_NAME = "LESSONS_TEST_SECRET";
const SECRET = `secret-${randomUUID()}`;

/** A lesson made from text, as the runner reads files. */
function lesson(file: string, text: string): LessonBlocks {
  return { file, text, blocks: extractBlocks(text, file) };
}

/** Processes (other than zombies) whose command line holds the tag. */
function tagged(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(TAG)) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

const unsandboxed = detectSandbox().kind === "unsandboxed";

describe.skipIf(unsandboxed)(`a hostile lesson's blocks stay in their sandbox (not with ${OPT_OUT}=1)`, () => {
  const received: string[] = [];
  let tcp: Server;
  let udp: UdpSocket;
  let results: BlockResult[];

  /** The result of the block whose code contains `text`. */
  const block = (text: string): BlockResult => {
    const result = results.find((candidate) => candidate.block.code.includes(text));
    if (!result) throw new Error(`no block of ${FIXTURE} contains ${text}`);
    return result;
  };
  const ran = (result: BlockResult) => expect(result, result.message).toMatchObject({ status: "passed" });

  beforeAll(async () => {
    tcp = createServer((socket) => {
      received.push("a TCP connection");
      socket.on("data", (data) => {
        received.push(data.toString());
        socket.end("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
      });
      socket.on("error", () => {});
    });
    await new Promise<void>((done) => tcp.listen(0, "127.0.0.1", done));
    udp = createSocket("udp4");
    udp.on("message", (message) => received.push(message.toString()));
    await new Promise<void>((done) => udp.bind(0, "127.0.0.1", done));

    const text = readFileSync(FIXTURE, "utf8")
      .replaceAll("@TCP_PORT@", String((tcp.address() as AddressInfo).port))
      .replaceAll("@UDP_PORT@", String(udp.address().port))
      .replaceAll("@SECRET_NAME@", SECRET_NAME)
      .replaceAll("@TAG@", TAG)
      .replaceAll("@REPO@", REPO)
      .replaceAll("@REAL_HOME@", REAL_HOME);
    process.env[SECRET_NAME] = SECRET;
    try {
      results = await runBlocks([lesson(FIXTURE, text)], { python });
    } finally {
      delete process.env[SECRET_NAME];
    }
  }, 120_000);

  afterAll(() => {
    tcp?.close();
    udp?.close();
    for (const pid of tagged()) process.kill(pid, "SIGKILL");
    for (const folder of [REPO, REAL_HOME]) rmSync(join(folder, `hostile-${TAG}.txt`), { force: true });
  });

  it("a block cannot reach another host through _socket", () => {
    ran(block('sock.connect(("127.0.0.1"'));
    expect(received.join("\n")).not.toContain("through _socket");
  });

  it("a block cannot reach another host through socket.socket base-class connect", () => {
    ran(block("_socket.socket.connect(sock"));
    expect(received.join("\n")).not.toContain("through the base-class connect");
  });

  it("a block cannot reach another host through the socket module's own connect", () => {
    ran(block('socket.create_connection(("127.0.0.1"'));
    expect(received.join("\n")).not.toContain("through the socket module");
  });

  it("a block cannot reach another host through UDP sendto", async () => {
    ran(block("sock.sendto("));
    // Datagrams may arrive a moment after the block ended.
    await new Promise((done) => setTimeout(done, 200));
    expect(received.join("\n")).not.toContain("through UDP sendto");
  });

  it("a block cannot reach another host through a curl subprocess", () => {
    ran(block('shutil.which("curl")'));
    expect(received.join("\n")).not.toMatch(/through[- ]curl/);
  });

  it("no connection from any block reached the servers this test runs on the host", () => {
    expect(received).toEqual([]);
  });

  it("a block cannot read a secret from the runner's environment", () => {
    const result = block("os.environ.get(");
    ran(result);
    expect(result.output).not.toContain(SECRET);
  });

  it("a block cannot read the repository, the real user's home or files only root may read", () => {
    ran(block("package.json"));
  });

  it("a block cannot write into the repository or the real user's home", () => {
    ran(block("written by a lesson"));
    expect(existsSync(join(REPO, `hostile-${TAG}.txt`))).toBe(false);
    expect(existsSync(join(REAL_HOME, `hostile-${TAG}.txt`))).toBe(false);
  });

  it("a child that starts a new session or double-forks does not outlive its block", async () => {
    ran(block("start_new_session=True"));
    // Processes killed with the sandbox may take a moment to leave /proc.
    for (let tries = 0; tries < 30 && tagged().length > 0; tries++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(tagged()).toEqual([]);
  });

  it("a block that stops its parent (SIGSTOP to os.getppid()) cannot hang the runner", () => {
    ran(block("os.kill(os.getppid(), signal.SIGSTOP)"));
  });

  it("a block that stops its own process group is killed at its timeout, without its cooperation", () => {
    const result = block("os.killpg(0, signal.SIGSTOP)");
    expect(result.status).toBe("failed");
    expect(result.message).toMatch(/^timed out after 2 s/);
    expect(result.message).toContain("stopping");
    expect(result.realSeconds).toBeLessThan(2 + EXIT_GRACE_SECONDS);
  });

  it("a fork bomb is stopped by the process limit, and its processes die with the block", () => {
    ran(block("os.fork() == 0"));
  });

  it("a block cannot take all memory or fill the disk: allocations and files are bounded", () => {
    ran(block("bytearray(8 * 1024**3)"));
  });

  it("a huge virtual sleep fails at once with a clear message", () => {
    for (const text of ["asyncio.sleep(10**10)", "time.sleep(1e300)", 'time.sleep(float("inf"))', 'float("nan")']) {
      const result = block(text);
      ran(result);
      expect(result.realSeconds, text).toBeLessThan(2);
    }
    // One the clock can count (about three years) passes at once; it used to spin forever.
    const long = block("asyncio.sleep(10**8)");
    ran(long);
    expect(long.virtualSeconds).toBe(100_000_000);
    expect(long.realSeconds).toBeLessThan(2);
  });
});

describe.skipIf(unsandboxed)(`the sandbox's own /tmp (not with ${OPT_OUT}=1)`, () => {
  it("what the harness needs from the real /tmp (a checkout or a virtual environment there) is still readable", () => {
    const outside = mkdtempSync(join(tmpdir(), "lesson-venv-"));
    const dir = mkdtempSync(join(tmpdir(), "lesson-block-"));
    try {
      writeFileSync(join(outside, "marker.txt"), "visible");
      mkdirSync(join(dir, "work"));
      const script = `print(open(${JSON.stringify(join(outside, "marker.txt"))}).read())`;
      const layout = {
        interpreter: { executable: "/usr/bin/python3", paths: [outside] },
        dir,
        work: join(dir, "work"),
        readOnly: [],
        env: { PATH: "/usr/bin:/bin" },
      };
      const result = spawnSync(BWRAP, bwrapArgs(layout, ["/usr/bin/python3", "-c", script]), { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe("visible\n");
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("where no sandbox can be had, blocks do not run unconfined", () => {
  it("without bwrap, says to install bubblewrap", () => {
    const sandbox = probeSandbox({}, "/nonexistent/bwrap");
    expect(sandbox).toMatchObject({ kind: "unavailable" });
    expect(sandbox.kind === "unavailable" && sandbox.problem).toContain("apt-get install bubblewrap");
  });

  it("when bwrap cannot create its namespaces, says so", () => {
    // `false` stands for a bwrap that fails, as it does where user namespaces are off.
    expect(probeSandbox({}, "false")).toMatchObject({
      kind: "unavailable",
      problem: expect.stringContaining("cannot create its sandbox here"),
    });
  });

  it(`${OPT_OUT}=1 runs blocks unconfined, with a loud warning, only without CI`, () => {
    expect(probeSandbox({ [OPT_OUT]: "1" }, "/nonexistent/bwrap")).toMatchObject({
      kind: "unsandboxed",
      warning: expect.stringContaining("WITHOUT a sandbox"),
    });
    expect(probeSandbox({ [OPT_OUT]: "1", CI: "true" }, "/nonexistent/bwrap")).toMatchObject({
      kind: "unavailable",
      problem: expect.stringContaining("ignored because CI is set"),
    });
  });
});

describe("everything a block runs is bounded", () => {
  it("a block's timeout is capped, and a chain's test timeout covers every block's timeout and the exit grace", () => {
    expect(() => parseSettings("timeout=301")).toThrow("at most 300");
    const [chain] = chains(readBlocks("tests/fixtures/codeblocks/limits.mdx").blocks);
    const timeouts = chain!.reduce((sum, block) => sum + block.settings.timeout, 0);
    expect(chainLimitSeconds(chain!)).toBeGreaterThan(timeouts + EXIT_GRACE_SECONDS);
  });

  it("a chain still running at the suite's deadline is stopped, and chains after it fail without running", async () => {
    const spin = "```python timeout=60\nwhile True:\n    pass\n```\n\n";
    const text = `${spin}${spin}\`\`\`python\nprint("too late")\n\`\`\`\n`;
    const started = Date.now();
    const results = await runBlocks([lesson("deadline.mdx", text)], {
      python,
      deadline: { at: Date.now() + 1500, description: "the test's limit of 1.5 s" },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(results.map((result) => [result.status, result.message])).toEqual([
      ["failed", "stopped: the run reached the test's limit of 1.5 s"],
      ["failed", "stopped: the run reached the test's limit of 1.5 s"],
      ["failed", "not run: the run had already reached the test's limit of 1.5 s."],
    ]);
  });

  it("the suite's limit is 10 minutes unless LESSONS_SUITE_TIMEOUT or --suite-timeout says otherwise", () => {
    const now = Date.now();
    expect(suiteDeadline(undefined, {}).at - now).toBeGreaterThanOrEqual(599_000);
    expect(suiteDeadline(undefined, { LESSONS_SUITE_TIMEOUT: "30" }).at - now).toBeLessThan(31_000);
    expect(suiteDeadline("5", { LESSONS_SUITE_TIMEOUT: "30" }).description).toContain("limit of 5 s");
    expect(() => suiteDeadline("soon")).toThrow('not "soon"');
  });
});
