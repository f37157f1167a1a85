import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { openTestDatabase, type TestDatabase } from './engine.ts';

// The command as users run it: bin/fanbase.js on the compiled server (built in beforeAll, so no
// test pays for it or sees its "Compiling" line). Only what a process shows is here: the bin
// runs the program, exit codes, what reaches stdout and stderr, the server's start and drain,
// the embedded database's lock. What each command does is src/cli/program.spec.ts, in-process.
// Each start takes seconds on a busy 2-core machine: few processes, and room for them.
const BIN = path.resolve(import.meta.dirname, '../bin/fanbase.js');
const PROCESS_TIMEOUT = 150_000;
const TEST_TIMEOUT = 300_000;
const embedded = !process.env.TEST_DATABASE_URL;

type Run = { code: number | null; stdout: string; stderr: string };

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: PROCESS_TIMEOUT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('fanbase CLI', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'fanbase-cli-'));
    // No LOG_LEVEL: each command's own default is under test.
    env = { FANBASE_DATA_DIR: dir };
    if (!embedded) {
      // A fresh database of its own; the CLI reaches it the way production does: DATABASE_URL.
      database = await openTestDatabase();
      env.DATABASE_URL = database.url!;
    }
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'runs the program: help on stdout and exit 0; a bad setting as one line on stderr and exit 1',
    async () => {
      const [help, bad] = await Promise.all([run(['--help'], env), run(['serve'], { ...env, PORT: 'not-a-port' })]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: fanbase/);
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n')).toEqual([
        'fanbase: Invalid configuration: PORT must be a port number from 0 to 65535, such as 3000 (got "not-a-port")',
      ]);
    },
    TEST_TIMEOUT,
  );

  // One database, in order: migrated, loyalty recomputed, the server.
  describe('on one database', () => {
    it(
      'migrates',
      async () => {
        const r = await run(['migrate'], env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(`Migrations applied (${embedded ? 'pglite' : 'postgres'}).\n`);
      },
      TEST_TIMEOUT,
    );

    it(
      'recomputes loyalty with its summary alone on stdout, no log records',
      async () => {
        const r = await run(['crm', 'recompute'], env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^Recomputed 0 fans in [\d.]+ s; 0 changed level\.\n$/);
        expect(r.stderr).toBe('Rebuilding signals from activities…\n');
      },
      TEST_TIMEOUT,
    );

    it(
      'serves with a readable start on a terminal and beside other commands (refused on the embedded database, allowed on PostgreSQL), then drains and exits cleanly on SIGTERM',
      async () => {
        const port = 20000 + Math.floor(Math.random() * 20000);
        const child = spawn(process.execPath, [BIN, 'serve'], {
          // LOG_FORMAT=text: the logs a terminal gets (stdout is a pipe here, which would get JSON).
          env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'text' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        try {
          const deadline = Date.now() + PROCESS_TIMEOUT;
          let health: unknown;
          while (Date.now() < deadline && health === undefined && child.exitCode === null) {
            health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
              (r) => r.json(),
              () => undefined,
            );
            if (health === undefined) await new Promise((r) => setTimeout(r, 200));
          }
          expect(health).toEqual({ status: 'ok', database: embedded ? 'pglite' : 'postgres' });
          // Links and the banner follow HOST until PUBLIC_BASE_URL is set, and the banner says it is not.
          expect(stdout).toMatch(new RegExp(`^  Console: +http://127\\.0\\.0\\.1:${port}/console$`, 'm'));
          expect(stdout).toMatch(new RegExp(`Warning: PUBLIC_BASE_URL is not set, so invitation and share links point to http://127\\.0\\.0\\.1:${port},`));
          // Readable lines, and no line for each request (the health checks above) at the default level.
          expect(stdout).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d INFO  Server listening at http://127\\.0\\.0\\.1:${port}$`, 'm'));
          expect(stdout).not.toMatch(/^\{|healthz/m);
          const beside = await run(['migrate'], env);
          if (embedded) {
            expect(beside.code).toBe(1);
            expect(beside.stderr).toMatch(/^fanbase: The embedded database in .* is in use by another Fanbase process/);
          } else {
            // PostgreSQL is shared: commands run alongside the server.
            expect(beside.code, beside.stderr).toBe(0);
          }
        } finally {
          child.kill('SIGTERM');
        }
        expect(await exited).toBe(0);
      },
      TEST_TIMEOUT,
    );
  });
});
