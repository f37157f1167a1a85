import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import type { CliIo } from './io.ts';
import { runCli } from './program.ts';

// The `fanbase` program in-process, on the test database (both engines): what each command
// does and says. test/cli.spec.ts runs the real bin/fanbase.js for what only a process shows.

type Run = { code: number; stdout: string; stderr: string };

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('fanbase commands', () => {
  const t = useTestApp();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fanbase-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function fanbase(args: string[], stdin = ''): Promise<Run> {
    const stdout = sink();
    const stderr = sink();
    const io: CliIo = {
      stdin: Readable.from([Buffer.from(stdin)]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      // The test's database stays open for the next test; a command's close() leaves it be.
      openRuntime: async () => ({ container: t.container, close: async () => undefined }),
    };
    const code = await runCli(args, io);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }
  const csvFile = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const createOwner = () => fanbase(['admin', 'create', '--email', 'Boss@Example.com', '--name', 'Boss', '--password-stdin'], 'boss-password\n');

  it('prints help for every command, promising only what the command has', async () => {
    for (const args of [[], ['serve'], ['migrate'], ['admin', 'create'], ['crm'], ['crm', 'recompute'], ['fans', 'import'], ['fans', 'export']]) {
      const r = await fanbase([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: fanbase/);
    }
    const crm = await fanbase(['crm', '--help']);
    expect(crm.stdout).toMatch(/^Fan CRM: loyalty levels$/m);
    expect(crm.stdout).not.toMatch(/import|export/);
    const fansImport = await fanbase(['fans', 'import', '--help']);
    expect(fansImport.stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}2 {2}some rows rejected.*\n {2}1 {2}nothing imported/m);
  });

  it('calls a misspelt option unknown, and names a missing one', async () => {
    const typo = await fanbase(['admin', 'create', '--emial', 'x@example.com', '--name', 'X', '--password-stdin'], 'long-enough');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe("error: unknown option '--emial'\n(Did you mean --email?)\n");
    const missing = await fanbase(['admin', 'create', '--name', 'X', '--password-stdin'], 'long-enough');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("error: required option '--email <email>' not specified\n");
    const unknown = await fanbase(['fans', 'imprt']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown command 'imprt'\n\(Did you mean import\?\)/);
  });

  it('creates the owner and a staff member from stdin passwords, and names what is wrong', async () => {
    const owner = await createOwner();
    expect(owner).toEqual({ code: 0, stdout: 'Created owner Boss <boss@example.com>.\n', stderr: '' });
    const member = await fanbase(['admin', 'create', '--email', 'helper@example.com', '--name', 'Helper', '--password-stdin'], 'helper-password');
    expect(member.stdout).toBe('Created staff Helper <helper@example.com>.\n');
    const dup = await fanbase(['admin', 'create', '--email', 'helper@example.com', '--name', 'Helper', '--password-stdin'], 'helper-password');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/^fanbase: .*already exists/);
    const weak = await fanbase(['admin', 'create', '--email', 'x@example.com', '--name', 'X', '--password-stdin'], 'short');
    expect(weak).toEqual({ code: 1, stdout: '', stderr: 'fanbase: the password must be at least 8 characters\n' });
    const badEmail = await fanbase(['admin', 'create', '--email', 'nope', '--name', 'X', '--password-stdin'], 'long-enough');
    expect(badEmail.stderr).toBe('fanbase: --email must be a valid email address\n');
  });

  it('imports fans from CSV, safely twice, exiting 2 while rows are rejected', async () => {
    const mixed = csvFile('mixed.csv', 'email,display_name,followed_at,tags\nann@example.com,Ann,2026-01-01,vip\nnot-an-email,Bad,,\n');
    const first = await fanbase(['fans', 'import', mixed]);
    expect(first.code).toBe(2);
    expect(first.stdout).toBe(
      '2 rows: 1 fan created, 0 already existed, 1 rejected.\n  line 3 (not-an-email): email must be a valid email address [invalid_email]\n',
    );
    const again = await fanbase(['fans', 'import', mixed]);
    expect(again.stdout).toMatch(/^2 rows: 0 fans created, 1 already existed, 1 rejected\.$/m);
    expect(again.code).toBe(2);

    const clean = await fanbase(['fans', 'import', csvFile('one.csv', 'email\nbob@example.com\n')]);
    expect(clean).toEqual({ code: 0, stdout: '1 row: 1 fan created, 0 already existed, 0 rejected.\n', stderr: '' });
  });

  it('refuses a file it cannot import with exit code 1: missing, without a header, empty', async () => {
    const missing = await fanbase(['fans', 'import', path.join(dir, 'missing.csv')]);
    expect(missing).toMatchObject({ code: 1, stderr: `fanbase: No such file: ${path.join(dir, 'missing.csv')}\n` });
    // One line of data and no header: the line would be read as the header and nothing imported.
    for (const text of ['ann@example.com,Ann\n', '']) {
      const refused = await fanbase(['fans', 'import', csvFile('no-header.csv', text)]);
      expect(refused, JSON.stringify(text)).toEqual({ code: 1, stdout: '', stderr: 'fanbase: The CSV needs a header row with an "email" column\n' });
    }
    expect((await fanbase(['fans', 'export'])).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exports fans as CSV to stdout or a file, and refuses an unknown segment', async () => {
    await fanbase(['fans', 'import', csvFile('ann.csv', 'email,display_name,followed_at\nann@example.com,Ann,2026-01-01\n')]);
    const exported = await fanbase(['fans', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\n')[1]).toMatch(/^ann@example.com,Ann,following,2026-01-01T00:00:00.000Z,/);
    const out = path.join(dir, 'out.csv');
    expect((await fanbase(['fans', 'export', '--out', out])).stderr).toBe(`Exported 1 fan to ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFemail,display_name/);
    const unknown = await fanbase(['fans', 'export', '--segment', 'Nobody']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'fanbase: No segment named "Nobody"\n' });
  });

  it('recomputes loyalty and says so in one line', async () => {
    await fanbase(['fans', 'import', csvFile('ann.csv', 'email\nann@example.com\n')]);
    const recompute = await fanbase(['crm', 'recompute']);
    expect(recompute.code).toBe(0);
    expect(recompute.stdout).toMatch(/^Recomputed 1 fan in [\d.]+ s; 0 changed level\.\n$/);
  });
});
