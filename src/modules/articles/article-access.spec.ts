import { describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../core/context.ts';
import { readerViews, type ArticleAccess, type ArticleTier } from './article-access.ts';

const GOLD: ArticleTier = { id: 'gold', name: 'Gold', rank: 2, status: 'active' };
const ctxOf = (actor: Actor) => ({ actor }) as Ctx;

/** Memberships as a fake: the reader's rank, and the lookups articles made. */
function fakeAccess(rank: number, tiers: ArticleTier[] = [GOLD]) {
  const calls: string[] = [];
  const access: ArticleAccess = {
    async rankOf() {
      calls.push('rankOf');
      return rank;
    },
    async tiers(_ctx, ids) {
      calls.push(`tiers:${ids.join(',')}`);
      return new Map(tiers.filter((t) => ids.includes(t.id)).map((t) => [t.id, t]));
    },
  };
  return { access, calls };
}

const fan = ctxOf({ kind: 'fan', fanId: 'f1' });
const articles = [
  { id: 'open', membersTierId: null },
  { id: 'members', membersTierId: 'gold' },
];

describe('which articles are locked for a reader', () => {
  it('asks memberships nothing when no article is members-only', async () => {
    const { access, calls } = fakeAccess(0);
    const views = await readerViews(fan, access, [{ id: 'open', membersTierId: null }]);
    expect(views.get('open')).toEqual({ locked: false, requiredTier: null });
    expect(calls).toEqual([]);
  });

  it('locks below the tier’s rank and opens at or above it, naming the tier either way', async () => {
    for (const [rank, locked] of [
      [0, true],
      [1, true],
      [2, false],
      [5, false],
    ] as const) {
      const views = await readerViews(fan, fakeAccess(rank).access, articles);
      expect(views.get('members'), `rank ${rank}`).toEqual({ locked, requiredTier: { id: 'gold', name: 'Gold' } });
      expect(views.get('open')).toEqual({ locked: false, requiredTier: null });
    }
  });

  it('opens every article to staff and the system without asking for a rank', async () => {
    for (const actor of [{ kind: 'staff', staffId: 's1', role: 'owner' }, { kind: 'system' }] as Actor[]) {
      const { access, calls } = fakeAccess(0);
      expect((await readerViews(ctxOf(actor), access, articles)).get('members')?.locked).toBe(false);
      expect(calls).toEqual(['tiers:gold']);
    }
  });

  it('stays locked when the tier cannot be found', async () => {
    const views = await readerViews(fan, fakeAccess(1_000, []).access, articles);
    expect(views.get('members')?.locked).toBe(true);
  });
});
