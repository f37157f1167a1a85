import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildApp } from '../app.ts';
import type { RequestLogStyle } from './request-log.ts';

describe('request logs', () => {
  const t = useTestApp();
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** The messages an app logs while answering one request, with this style and level. */
  async function logged(style: RequestLogStyle, level: string, url = '/healthz') {
    const records: { level: number; msg: string }[] = [];
    const log = pino({ level }, { write: (line: string) => void records.push(JSON.parse(line)) });
    const app = await buildApp(t.container, { sessionSecret: 'test-secret-test-secret-test-secret-0123', secureCookies: false, logger: log, requestLog: style });
    apps.push(app);
    await app.inject({ method: 'GET', url });
    return records;
  }

  it('on a terminal, leaves a request out at info and shows it as one line at debug', async () => {
    expect(await logged('line', 'info')).toEqual([]);
    expect(await logged('line', 'info', '/api/nothing-here')).toEqual([]);
    expect((await logged('line', 'debug')).map((r) => r.msg)).toEqual([expect.stringMatching(/^GET \/healthz 200 [\d.]+ ms$/)]);
  });

  it('in JSON, keeps Fastify’s records of every request at info, for log collectors', async () => {
    const records = await logged('json', 'info');
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      [30, 'incoming request'],
      [30, 'request completed'],
    ]);
  });
});
