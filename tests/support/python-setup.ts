/**
 * Vitest global setup: finds (and on this machine kind installs) bubblewrap
 * and the Python for the code block tests once, before any worker starts, and hands its
 * command to the tests through `inject("python")`.
 */
import type { TestProject } from "vitest/node";
import { ensureBlockPython, ensureSandbox } from "./python";

declare module "vitest" {
  export interface ProvidedContext {
    python: string;
  }
}

export function setup(project: TestProject): void {
  ensureSandbox();
  project.provide("python", ensureBlockPython().command);
}
