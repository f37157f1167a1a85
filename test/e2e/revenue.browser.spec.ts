import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/core/context.ts';
import type { MembershipMetricsSource } from '../../src/modules/revenue/membership-metrics.ts';
import { useTestApp } from '../app.ts';
import { createOwner, signupFan } from '../factories.ts';
import { browserEnabled, LAPTOP, PHONE, seriousA11yViolations, shot, signInAs, useBrowser, watchConsoleErrors } from './browser.ts';

type Figures = Awaited<ReturnType<MembershipMetricsSource>>;
const NONE: Figures = { months: [], cancellationReasons: [] };

describe.skipIf(!browserEnabled)('browser: the console Revenue page', () => {
  let figures: Figures = NONE;
  const t = useTestApp({}, { container: { membershipMetrics: async () => figures } });
  // axe-core is injected as a script of the spec's own.
  const browser = useBrowser(t, { bypassCSP: true });
  const services = () => t.container.services;
  const at = (iso: string) => ({ now: () => new Date(iso) });
  const system = (iso: string): Ctx => t.container.ctx({ kind: 'system' }, at(iso));

  async function pay(fanId: string, iso: string, amountMinor: number, referenceType: 'membership' | 'order') {
    const ctx = system(iso);
    const { payment } = await services().payments.create(ctx, {
      fanId,
      referenceType,
      channel: referenceType === 'order' ? 'store' : 'membership',
      referenceId: `${referenceType}-${iso}-${amountMinor}`,
      description: referenceType === 'membership' ? 'Gold membership' : 'Tote bag',
      amountMinor,
      currency: 'CNY',
      returnUrl: '/me',
    });
    await services().sandbox.act(ctx, (await services().payments.findById(ctx, payment.id))!, 'pay');
    await services().sandbox.deliverDue(ctx, async (headers, body) => {
      await services().payments.handleNotification(ctx, 'sandbox', headers, body);
      return 200;
    });
    return payment.id;
  }

  it('shows revenue by source per month, the cards, ads or members and the memberships, on a laptop and a phone, in English and Chinese', async () => {
    const owner = await createOwner(t.app);
    await signInAs(browser, owner.cookie);
    const page = await browser.context.newPage();
    const errors = watchConsoleErrors(page);
    await page.setViewportSize(LAPTOP);

    // A new channel: zeros, and no verdict yet.
    await page.goto(`${browser.base}/console/revenue`);
    await expect.poll(() => page.getByTestId('ads-or-members-verdict').textContent()).toContain('Not enough data yet');
    await page.getByTestId('revenue-quiet').waitFor();
    await shot(page, 'console-revenue-new-channel-en');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A year of a small channel: followers grow, members pay each month, a few store orders, two sponsored articles.
    const fans = [];
    for (let i = 0; i < 12; i++) fans.push(await signupFan(t.app, { displayName: `Fan ${i}` }));
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      await services().fans.follow(t.container.ctx({ kind: 'fan', fanId: fans[m - 1]!.fan.id }, at(`${month}-03T08:00:00Z`)));
      for (let k = 0; k < Math.ceil(m / 3); k++) await pay(fans[k]!.fan.id, `${month}-1${k}T12:00:00Z`, 1_990, 'membership');
      if (m % 4 === 0) await pay(fans[m - 1]!.fan.id, `${month}-20T12:00:00Z`, 8_800, 'order');
    }
    const staffAt = (iso: string) => t.container.ctx({ kind: 'staff', staffId: owner.staff.id, role: 'owner' }, at(iso));
    const order = await pay(fans[2]!.fan.id, '2026-11-21T12:00:00Z', 12_000, 'order');
    await services().payments.refund(staffAt('2026-11-25T00:00:00Z'), order, { amountMinor: 4_000, reason: 'damaged' });
    await services().sandbox.deliverDue(system('2026-11-25T00:00:00Z'), async (headers, body) => {
      await services().payments.handleNotification(system('2026-11-25T00:00:00Z'), 'sandbox', headers, body);
      return 200;
    });
    for (const [month, fee] of [
      ['2026-05', 5_000],
      ['2026-10', 8_000],
    ] as const) {
      const ad = await services().articles.create(system(`${month}-01T00:00:00Z`), {
        title: `Sponsored ${month}`,
        summary: '',
        coverUrl: null,
        bodyMarkdown: 'An ad.',
        kind: 'sponsored',
        advertiser: 'Acme',
        adFee: { amountMinor: fee, currency: 'CNY' },
        membersTierId: null,
      });
      await services().articles.publish(system(`${month}-05T00:00:00Z`), ad.id);
      await services().articles.recordView(t.container.ctx({ kind: 'fan', fanId: fans[0]!.fan.id }, at(`${month}-06T09:00:00Z`)), ad.id);
      await services().fans.unfollow(t.container.ctx({ kind: 'fan', fanId: fans[0]!.fan.id }, at(`${month}-06T10:00:00Z`)));
      await services().fans.follow(t.container.ctx({ kind: 'fan', fanId: fans[0]!.fan.id }, at(`${month}-08T10:00:00Z`)));
    }
    await t.settle();

    // First without membership figures: the sections say so.
    await page.goto(`${browser.base}/console/revenue?from=2026-01&to=2026-12&currency=CNY`);
    await page.getByTestId('revenue-chart').waitFor();
    await expect.poll(() => page.getByTestId('ads-or-members-verdict').textContent()).toContain('members pay more per fan');
    await page.getByTestId('revenue-memberships-empty').waitFor();
    expect(await page.getByTestId('revenue-card-mrr').textContent()).toContain('—');
    expect(await page.getByTestId('revenue-export').getAttribute('href')).toBe('/api/admin/ledger/export.csv');
    await shot(page, 'console-revenue-empty-memberships-en');

    figures = {
      months: Array.from({ length: 12 }, (_, i) => ({
        month: `2026-${String(i + 1).padStart(2, '0')}`,
        mrrMinor: 1_990 * Math.ceil((i + 1) / 3),
        newMembers: i % 3 === 0 ? 1 : 0,
        churnedMembers: i === 7 ? 1 : 0,
        activeAtStart: Math.ceil(i / 3),
      })),
      cancellationReasons: [
        { reason: 'too_expensive', count: 3 },
        { reason: 'not_using', count: 1 },
      ],
    };
    await page.reload();
    await page.getByTestId('revenue-cancellation-reasons').waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'console-revenue-en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('revenue-chart').waitFor();
    // Nothing wider than the phone: the page never scrolls sideways (wide tables scroll inside their card).
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await page.waitForTimeout(600); // the chart's animation
    await shot(page, 'console-revenue-en-phone');

    await page.evaluate("localStorage.setItem('fanbase.lang', 'zh-CN')");
    await page.setViewportSize(LAPTOP);
    await page.reload();
    await expect.poll(() => page.getByTestId('ads-or-members-verdict').textContent()).toContain('会员');
    await page.waitForTimeout(600);
    await shot(page, 'console-revenue-zh');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('revenue-chart').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await page.waitForTimeout(600);
    await shot(page, 'console-revenue-zh-phone');
    await page.evaluate("localStorage.removeItem('fanbase.lang')");
    figures = NONE;
    expect(errors).toEqual([]);
  }, 180_000);
});
