/**
 * Finds a Chromium for Playwright. Playwright cannot download its own browser
 * on this machine kind, so we use the system's (Debian's `chromium`), and
 * install it when it is missing. `CHROMIUM_PATH` overrides the search.
 */
import { existsSync } from "node:fs";
import { aptInstall } from "./system-packages";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function found(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to ${override}, but no file is there.`);
    return override;
  }
  const existing = found();
  if (existing) return existing;
  aptInstall(["chromium"], "The browser tests need Chromium and none was found");
  const installed = found();
  if (!installed) throw new Error(`apt-get reported success, but Chromium is not at any of: ${CANDIDATES.join(", ")}.`);
  return installed;
}

/**
 * Flags for a headless Chromium on a closed network: without the
 * background-networking ones it keeps trying to reach Google's hosts.
 */
export function chromiumArgs(): string[] {
  const args = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  // Chromium refuses to run as root with its sandbox on.
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return args;
}
