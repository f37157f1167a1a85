import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { openTestDatabase, type TestDatabase } from './engine.ts';

// The command as users run it: bin/fanbase.js on the compiled server (built in beforeAll, so no
// test pays for it or sees its "Compiling" line). Every command here opens the same database,
// migrated once; each process is given a minute, which a busy 2-core machine needs at worst.
const BIN = path.resolve(import.meta.dirname, '../bin/fanbase.js');
const PROCESS_TIMEOUT = 60_000;
const embedded = !process.env.TEST_DATABASE_URL;

type Run = { code: number | null; stdout: string; stderr: string };

function run(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
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
    child.stdin.end(stdin ?? '');
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
    env = { FANBASE_DATA_DIR: dir, LOG_LEVEL: 'warn' };
    if (!embedded) {
      // A fresh database of its own; the CLI reaches it the way production does: DATABASE_URL.
      database = await openTestDatabase();
      env.DATABASE_URL = database.url!;
    }
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints help for every command', async () => {
    const commands = [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['admin', 'create', '--help'],
      ['crm', 'recompute', '--help'],
      ['fans', 'import', '--help'],
      ['fans', 'export', '--help'],
    ];
    const runs = await Promise.all(commands.map((args) => run(args, env)));
    runs.forEach((r, i) => {
      expect(r.code, commands[i]!.join(' ')).toBe(0);
      expect(r.stdout, commands[i]!.join(' ')).toMatch(/Usage: fanbase/);
    });
  }, 120_000);

  it('stops with one clear line and exit code 1 on a bad setting', async () => {
    const r = await run(['serve'], { ...env, PORT: 'not-a-port' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fanbase: Invalid configuration: PORT /)]);
  }, 120_000);

  // One database, in order: migrated, then staff, fans in and out, loyalty, the server.
  describe('on one database', () => {
    it('migrates', async () => {
      const r = await run(['migrate'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Migrations applied/);
    }, 120_000);

    it('creates the owner and a staff member from stdin passwords', async () => {
      const owner = await run(['admin', 'create', '--email', 'Boss@Example.com', '--name', 'Boss', '--password-stdin'], env, 'boss-password\n');
      expect(owner.stderr).toBe('');
      expect(owner.stdout).toMatch(/Created owner Boss <boss@example.com>/);
      const member = await run(['admin', 'create', '--email', 'helper@example.com', '--name', 'Helper', '--password-stdin'], env, 'helper-password');
      expect(member.stdout).toMatch(/Created staff Helper/);
      const dup = await run(['admin', 'create', '--email', 'helper@example.com', '--name', 'Helper', '--password-stdin'], env, 'helper-password');
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/already exists/);
      const weak = await run(['admin', 'create', '--email', 'x@example.com', '--name', 'X', '--password-stdin'], env, 'short');
      expect(weak.code).toBe(1);
      expect(weak.stderr.trim()).toBe('fanbase: --password must be at least 8 characters');
    }, 240_000);

    it('imports fans from CSV, safely twice, and names a missing file', async () => {
      const csv = path.join(dir, 'fans.csv');
      writeFileSync(csv, 'email,display_name,followed_at,tags\nann@example.com,Ann,2026-01-01,vip\nnot-an-email,Bad,,\n');
      const imported = await run(['fans', 'import', csv], env);
      expect(imported.stdout).toMatch(/^2 rows: 1 fans created, 0 already existed, 1 rejected\.$/m);
      expect(imported.stdout).toMatch(/line 3 \(not-an-email\): email must be a valid email address \[invalid_email\]$/m);
      expect((await run(['fans', 'import', csv], env)).stdout).toMatch(/1 already existed/);
      expect((await run(['fans', 'import', path.join(dir, 'missing.csv')], env)).stderr).toMatch(/^fanbase: No such file/);
    }, 180_000);

    it('exports fans as CSV to stdout or a file, and refuses an unknown segment', async () => {
      const exported = await run(['fans', 'export'], env);
      expect(exported.stdout.split('\n')[1]).toMatch(/^ann@example.com,Ann,following,2026-01-01T00:00:00.000Z,/);
      const out = path.join(dir, 'out.csv');
      expect((await run(['fans', 'export', '--out', out], env)).stderr).toMatch(/Exported 1 fans/);
      expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFemail,display_name/);
      const unknown = await run(['fans', 'export', '--segment', 'Nobody'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe('fanbase: No segment named "Nobody"');
    }, 180_000);

    it('recomputes loyalty', async () => {
      const recompute = await run(['crm', 'recompute'], env);
      expect(recompute.stdout).toMatch(/^Recomputed 1 fans in [\d.]+ s; 0 changed level\.$/m);
    }, 120_000);

    it('serves beside other commands (refused on the embedded database, allowed on PostgreSQL), then drains and exits cleanly on SIGTERM', async () => {
      const port = 20000 + Math.floor(Math.random() * 20000);
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const deadline = Date.now() + 90_000;
        let health: unknown;
        while (Date.now() < deadline && health === undefined && child.exitCode === null) {
          health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (r) => r.json(),
            () => undefined,
          );
          if (health === undefined) await new Promise((r) => setTimeout(r, 200));
        }
        expect(health).toEqual({ status: 'ok', database: embedded ? 'pglite' : 'postgres' });
        expect(stdout).toMatch(new RegExp(`Console: +http://localhost:${port}/console`));
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
    }, 240_000);
  });
});
