/** A short description of the machine a benchmark ran on, for the report. */
import { readFileSync } from "node:fs";
import type { CpuInfo } from "node:os";
import { release, type } from "node:os";
import { choosePython } from "../codeblocks/interpreter";
import { table } from "./report";

function osName(): string {
  try {
    const text = readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(text)?.[1] ?? `${type()} ${release()}`;
  } catch {
    return `${type()} ${release()}`;
  }
}

export function describeMachine(cpus: readonly CpuInfo[], memoryBytes: number): string {
  const python = choosePython();
  const rows = [
    ["CPU", `${cpus[0]?.model ?? "unknown"}, ${cpus.length} cores`],
    ["memory", `${(memoryBytes / 1024 ** 3).toFixed(0)} GiB`],
    ["system", `${osName()}, kernel ${release()}`],
    ["Node.js", process.version],
    ["Python", `${python.command} (Python ${python.version})`],
  ];
  return table(["", ""], rows);
}
