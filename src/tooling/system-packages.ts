/**
 * Installs Debian packages the tests need (Chromium for the browser tests),
 * loudly: a fresh machine of this kind has none of them, and CI must be able
 * to set itself up without a person at the keyboard.
 */
import { execFileSync } from "node:child_process";

const isRoot = () => process.getuid?.() === 0;

export function commandExists(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** `apt-get install` as root or through password-less sudo; throws with what to do by hand. */
export function aptInstall(packages: string[], why: string): void {
  const prefix = isRoot() ? [] : commandExists("sudo") ? ["sudo", "-n"] : null;
  const manual = `Install it yourself with: sudo apt-get install -y ${packages.join(" ")}`;
  if (prefix === null || !commandExists("apt-get")) {
    throw new Error(`${why}, and this machine cannot install it automatically (needs apt-get and root). ${manual}`);
  }
  const run = (args: string[]) => {
    const [command, ...rest] = [...prefix, "apt-get", ...args];
    execFileSync(command!, rest, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  console.log(`[setup] ${why}: installing Debian package(s) ${packages.join(", ")} with apt-get.`);
  try {
    run(["install", "-y", "--no-install-recommends", ...packages]);
  } catch {
    // A fresh machine often has no package lists yet.
    console.log("[setup] apt-get install failed; refreshing package lists with apt-get update and retrying.");
    try {
      run(["update"]);
      run(["install", "-y", "--no-install-recommends", ...packages]);
    } catch (error) {
      throw new Error(`${why}, and apt-get could not install it (${String(error)}). ${manual}`, { cause: error });
    }
  }
  console.log(`[setup] Installed ${packages.join(", ")}.`);
}
