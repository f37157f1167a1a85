import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureServerBuilt } from '../../scripts/build-server.mjs';

/** The command as users run it: the compiled server (no TypeScript loader in the measured process). */
const BIN = path.resolve(import.meta.dirname, '../../bin/fanbase.js');

/**
 * The product's server plus the benchmarks' reference routes (bench/lib/bench-server.ts),
 * compiled by esbuild the way the product is (no TypeScript loader in the measured process).
 */
async function buildBenchServer(): Promise<string> {
  const esbuild = await import('esbuild');
  // Inside the checkout (git-ignored), so its imports find node_modules and the package root.
  const outdir = path.resolve(import.meta.dirname, '../../bench-results/server');
  await esbuild.build({
    absWorkingDir: path.resolve(import.meta.dirname, '../..'),
    entryPoints: { 'bench-server': 'bench/lib/bench-server.ts' },
    outdir,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return path.join(outdir, 'bench-server.js');
}

export type Engine = 'pglite' | 'postgres';
export type RunningServer = { url: string; engine: Engine; pid: number; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway database on the server named by `adminUrl`, dropped by the returned function. */
export async function scratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fanbase_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Starts `fanbase serve` in its own process (the load generator must not share its event loop),
 * on a fresh data dir or a fresh PostgreSQL database, and waits for /healthz. `env` adds
 * variables (a SESSION_SECRET the benchmark also knows).
 */
export async function startServer(
  engine: Engine,
  adminUrl?: string,
  opts: { withBenchRoutes?: boolean; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  await ensureServerBuilt(); // now, rather than inside the first server's start-up
  const entry = opts.withBenchRoutes ? [await buildBenchServer()] : [BIN, 'serve'];
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fanbase-bench-'));
  const scratch = engine === 'postgres' ? await scratchDatabase(adminUrl!) : undefined;
  // BENCH_NODE_ARGS passes node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=bench-results/prof`).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...entry], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      FANBASE_DATA_DIR: dataDir,
      // The benchmark is the proxy: each simulated fan signs up from an address of its own.
      TRUST_PROXY: 'loopback',
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    engine,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs up `n` fans and returns their session cookies. Each comes from its own address (in a
 * documentation range, via X-Forwarded-For), as fans would: sign-ups are limited per address.
 */
export async function signUpFans(url: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/api/fan/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i % 256}` },
      body: JSON.stringify({ email: `bench-${i}-${Date.now()}@example.com`, password: 'bench-password', displayName: `Bench ${i}` }),
    });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    );
  }
  return cookies;
}
