import { describe, expect, it } from 'vitest';
import { TEST_BASE_URL, useTestApp } from '../../../test/app.ts';
import { createOwner } from '../../../test/factories.ts';

describe('channel settings: where links point', () => {
  describe('with PUBLIC_BASE_URL set', () => {
    const t = useTestApp();

    it('names the address links are built on, and that it is configured', async () => {
      const owner = await createOwner(t.app);
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: { cookie: owner.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ publicBaseUrl: TEST_BASE_URL, publicBaseUrlConfigured: true });
    });
  });

  describe('with PUBLIC_BASE_URL unset', () => {
    const t = useTestApp({}, { container: { publicBaseUrl: 'http://localhost:3000', publicBaseUrlConfigured: false } });

    it('says so to staff, in the settings and after saving them', async () => {
      const owner = await createOwner(t.app);
      const h = { cookie: owner.cookie };
      const read = await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: h });
      expect(read.json()).toMatchObject({ publicBaseUrl: 'http://localhost:3000', publicBaseUrlConfigured: false });
      // Not a setting staff can change here: a body naming it changes nothing.
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/admin/channel',
        headers: h,
        payload: { name: 'Noodle Club', description: '', publicBaseUrl: 'https://elsewhere.example.com', publicBaseUrlConfigured: true },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ name: 'Noodle Club', publicBaseUrl: 'http://localhost:3000', publicBaseUrlConfigured: false });
    });

    it('is for staff only', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/admin/channel' })).statusCode).toBe(401);
    });
  });
});
