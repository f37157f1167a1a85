import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { PROVIDER_CATALOGUE, PROVIDER_NAMES } from './provider-catalogue.ts';
import type { SaleChannelRow, SaleChannelsRepository } from './sale-channels.repository.ts';
import { createSaleChannelsService } from './sale-channels.service.ts';

const NOW = new Date('2026-12-02T06:00:00.000Z');
const OWNER: Actor = { kind: 'staff', staffId: '11111111-1111-4111-8111-111111111111', role: 'owner' };
const provider = (name: string, over: Partial<PaymentProvider> = {}) =>
  ({ name, testMode: name === 'sandbox', recurring: name !== 'wechatpay', ...over }) as PaymentProvider;

/** Service tier: the choices in a Map instead of a table. */
function setup(names: string[], stored: SaleChannelRow[] = []) {
  const rows = new Map(stored.map((r) => [r.channel, r]));
  const repo: SaleChannelsRepository = {
    all: async () => [...rows.values()],
    find: async (_db, channel) => rows.get(channel),
    upsert: async (_db, row) => void rows.set(row.channel, row),
    remove: async (_db, channel) => void rows.delete(channel),
  };
  const service = createSaleChannelsService({ repo, providers: names.map((n) => provider(n)) });
  const ctx = (actor: Actor = OWNER): Ctx => ({ actor, db: {} as Db, now: () => NOW, log: pino({ level: 'silent' }) });
  return { service, ctx, rows };
}

describe('channels of sale: which provider takes their payments', () => {
  it('defaults to Stripe when configured, else WeChat Pay, else the sandbox, for every channel', async () => {
    const cases: [string[], string][] = [
      [['sandbox'], 'sandbox'],
      [['sandbox', 'wechatpay'], 'wechatpay'],
      [['sandbox', 'stripe'], 'stripe'],
      [['sandbox', 'wechatpay', 'stripe'], 'stripe'],
    ];
    for (const [names, expected] of cases) {
      const { service, ctx } = setup(names);
      for (const channel of ['membership', 'store', 'festival'] as const) expect((await service.providerFor(ctx(), channel)).name, names.join()).toBe(expected);
      const settings = await service.settings(ctx());
      expect(settings.providers.filter((p) => p.default).map((p) => p.name)).toEqual([expected]);
      expect(settings.channels.map((c) => [c.channel, c.chosen, c.provider, c.fallback])).toEqual([
        ['membership', null, expected, false],
        ['store', null, expected, false],
        ['festival', null, expected, false],
      ]);
    }
  });

  it("takes the owner's choice; a choice no longer configured falls back to the default and says so", async () => {
    const { service, ctx } = setup(['sandbox', 'wechatpay'], [{ channel: 'store', provider: 'stripe', updatedAt: NOW }]);
    await service.choose(ctx(), 'membership', 'sandbox');
    expect((await service.providerFor(ctx(), 'membership')).name).toBe('sandbox');
    expect((await service.providerFor(ctx(), 'store')).name).toBe('wechatpay');
    const { channels } = await service.settings(ctx());
    expect(channels).toEqual([
      { channel: 'membership', chosen: 'sandbox', provider: 'sandbox', fallback: false, autoRenew: true, updatedAt: NOW.toISOString() },
      { channel: 'store', chosen: 'stripe', provider: 'wechatpay', fallback: true, autoRenew: false, updatedAt: NOW.toISOString() },
      { channel: 'festival', chosen: null, provider: 'wechatpay', fallback: false, autoRenew: false, updatedAt: null },
    ]);
    // Back to the default.
    await service.choose(ctx(), 'membership', null);
    expect((await service.settings(ctx())).channels[0]).toMatchObject({ chosen: null, provider: 'wechatpay', autoRenew: false });
  });

  it('refuses a provider that is not configured, and anyone but the owner', async () => {
    const { service, ctx, rows } = setup(['sandbox']);
    await expect(service.choose(ctx(), 'membership', 'wechatpay')).rejects.toMatchObject({ code: 'payment.provider_not_configured', status: 409 });
    const staff: Actor = { kind: 'staff', staffId: '22222222-2222-4222-8222-222222222222', role: 'staff' };
    await expect(service.choose(ctx(staff), 'membership', 'sandbox')).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    const fan: Actor = { kind: 'fan', fanId: '33333333-3333-4333-8333-333333333333' };
    await expect(service.choose(ctx(fan), 'membership', 'sandbox')).rejects.toMatchObject({ status: 403 });
    await expect(service.settings(ctx(fan))).rejects.toMatchObject({ status: 403 });
    await expect(service.settings(ctx({ kind: 'anonymous' }))).rejects.toMatchObject({ status: 401 });
    expect(rows.size).toBe(0);
    // Other staff read the settings.
    expect((await service.settings(ctx(staff))).channels).toHaveLength(3);
  });

  it('lists every provider, configured or not, with what turns it on (names the configuration reads)', async () => {
    const { service, ctx } = setup(['sandbox', 'stripe']);
    const { providers } = await service.settings(ctx());
    expect(providers.map((p) => [p.name, p.configured, p.testMode, p.recurring])).toEqual([
      ['sandbox', true, true, true],
      ['wechatpay', false, null, false],
      ['stripe', true, false, true],
    ]);
    expect(providers.find((p) => p.name === 'stripe')!.variables).toEqual(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);
    // Every name shown is a variable src/config/env.ts reads.
    const env = readFileSync(path.resolve(import.meta.dirname, '../../config/env.ts'), 'utf8');
    for (const name of PROVIDER_NAMES.flatMap((n) => PROVIDER_CATALOGUE[n].variables)) expect(env, name).toMatch(new RegExp(`\\b${name}: `));
  });
});
