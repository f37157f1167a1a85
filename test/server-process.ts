import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * The product's server as users run it (`bin/fanbase.js serve`, compiled), in a process of its
 * own that a test can stop, kill -9 and start again on the same data: for what only a real
 * process shows (crashes, restarts). Call scripts/build-server.mjs `ensureServerBuilt()` first.
 */
const BIN = path.resolve(import.meta.dirname, '../bin/fanbase.js');

export type ServerProcess = {
  url: string;
  /** SIGKILL, as a power cut or the OOM killer would: no drain, no shutdown hooks. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the drain. */
  stop(): Promise<void>;
  /** What the process wrote to stderr (its logs at LOG_LEVEL=warn and above). */
  stderr(): string;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server with `env` (add FANBASE_DATA_DIR or DATABASE_URL) and waits until /healthz
 * answers. A start refused because the embedded database's lock of a killed process is not stale
 * yet (about 10 s) is tried again until `timeoutMs`.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = await freePort();
    let stderr = '';
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      const healthy = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy)
        return {
          url,
          stderr: () => stderr,
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        };
      await new Promise((r) => setTimeout(r, 250));
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the server did not become healthy in ${timeoutMs} ms:\n${stderr}`);
    }
    if (Date.now() >= deadline || !/in use by another Fanbase process/.test(stderr)) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
