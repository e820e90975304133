/**
 * A throwaway certificate authority and a server certificate for the example
 * domains, so `network` blocks can fetch https://example.org from the local
 * fixture server with certificate checks on. Made with the `openssl` command
 * once per process, in a temp folder removed on exit; valid for two days.
 * All but the CA's key are readable by everyone, so the sandbox's user can read them.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface FixtureCertificates {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** The names the fixture server answers for; keep in step with lesson_harness/network.py. */
export const FIXTURE_DOMAINS = ["example.com", "example.org", "example.net"];

let made: FixtureCertificates | undefined;

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer };
    if (code === "ENOENT") {
      throw new Error(
        "network blocks need the `openssl` command to make a throwaway certificate for the local fixture server; " +
          "install it (Debian: apt-get install openssl)",
        { cause: error },
      );
    }
    throw new Error(`openssl ${args[0]} failed: ${stderr?.toString().trim()}`, { cause: error });
  }
}

export function fixtureCertificates(): FixtureCertificates {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), "lesson-certs-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const names = FIXTURE_DOMAINS.flatMap((domain) => [`DNS:${domain}`, `DNS:*.${domain}`]).join(",");
  const key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(
    [
      "req",
      "-x509",
      ...key,
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "2",
      "-subj",
      "/CN=Lesson tests CA",
    ].concat(["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]),
    dir,
  );
  openssl(["req", ...key, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=example.com"], dir);
  writeFileSync(
    join(dir, "server.ext"),
    [
      `subjectAltName=${names}`,
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature",
      "extendedKeyUsage=serverAuth",
      "subjectKeyIdentifier=hash",
      "authorityKeyIdentifier=keyid",
    ].join("\n"),
  );
  openssl(
    ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "1", "-days", "2"].concat(
      ["-out", "server.pem", "-extfile", "server.ext"],
    ),
    dir,
  );
  made = { caFile: join(dir, "ca.pem"), certFile: join(dir, "server.pem"), keyFile: join(dir, "server.key") };
  // Readable by the sandbox's user (nobody, when the tests run as root): the
  // server's key only serves the example domains, and only the sandbox trusts
  // the CA, whose own key stays private.
  chmodSync(dir, 0o755);
  for (const file of Object.values(made)) chmodSync(file, 0o644);
  return made;
}
