import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'fanbase-web-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');

describe('web app serving', () => {
  const t = useTestApp({ webDist: dist });

  it('serves the app at the root and for client-side routes of both faces', async () => {
    for (const url of ['/', '/signup', '/console', '/console/fans/123?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body).toContain('id="root"');
    }
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps JSON 404s for unknown API paths and other methods', async () => {
    for (const [method, url] of [
      ['GET', '/api/unknown'],
      ['POST', '/console'],
      ['GET', '/healthz/x'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('route.not_found');
    }
  });
});
