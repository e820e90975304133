/**
 * Starts the runner's Web Worker under the page's Content-Security-Policy.
 *
 * A worker loaded from its own URL gets the policy of that script's HTTP
 * response, which a static host does not send: lesson code run in it (a
 * reader's edit, or a hostile example) could then fetch from any site or
 * evaluate JavaScript. A worker started from a blob: URL inherits the policy
 * of the page that starts it (CSP 3), so the page's `connect-src 'self'` and
 * its `script-src` without 'unsafe-eval' hold inside it too
 * (src/security/csp.ts allows `worker-src blob:` for this). The blob only
 * imports the real worker module, whose own address stays its base for
 * finding the runtime.
 */
export function startWorker(workerUrl: URL): Worker {
  const source = `import ${JSON.stringify(workerUrl.href)};\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(blobUrl, { type: "module" });
  const release = () => URL.revokeObjectURL(blobUrl);
  worker.addEventListener("message", release, { once: true });
  worker.addEventListener("error", release, { once: true });
  return worker;
}
