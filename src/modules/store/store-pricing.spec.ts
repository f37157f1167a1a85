import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.ts';
import { memberPriceMinor, readerDiscounts, type MemberTier } from './store-pricing.ts';

const tier = (name: string, rank: number, percent?: number): MemberTier => ({
  id: `00000000-0000-4000-8000-00000000000${rank}`,
  name,
  rank,
  perks:
    percent === undefined
      ? [{ kind: 'members_only_articles' }]
      : [
          { kind: 'early_access', minutes: 10 },
          { kind: 'store_discount', percent },
        ],
});
const ctx = {} as Ctx;
const membership = (held: MemberTier | null, offered: MemberTier[]) => ({ heldTier: async () => held, offeredTiers: async () => offered });

describe('store pricing', () => {
  it('rounds the member price down to the minor unit, exactly, and never below one', () => {
    expect(memberPriceMinor(999, 15)).toBe(849); // 849.15
    expect(memberPriceMinor(1_000, 15)).toBe(850);
    expect(memberPriceMinor(999, 1)).toBe(989); // 989.01
    expect(memberPriceMinor(101, 90)).toBe(10); // 10.1
    expect(memberPriceMinor(1, 50)).toBe(1);
    // Beyond what a double multiplies exactly: 9007199254740991 × 0.85.
    expect(memberPriceMinor(Number.MAX_SAFE_INTEGER, 15)).toBe(7_656_119_366_529_842);
  });

  it('gives a member their tier’s discount and hints at the best one on offer that beats it', async () => {
    const silver = tier('Silver', 1, 5);
    const gold = tier('Gold', 2, 15);
    const platinum = tier('Platinum', 3, 15);
    const plain = tier('Plain', 4);
    const offered = [silver, gold, platinum, plain];
    const pct = (d: { percent: number; tier: { name: string } } | null) => (d ? `${d.tier.name} ${d.percent}` : null);
    const read = async (held: MemberTier | null) => {
      const r = await readerDiscounts(ctx, membership(held, offered));
      return [pct(r.own), pct(r.hint)];
    };
    // On a tie the lower-ranked tier is the hint (the cheaper way to that price).
    expect(await read(null)).toEqual([null, 'Gold 15']);
    expect(await read(plain)).toEqual([null, 'Gold 15']);
    expect(await read(silver)).toEqual(['Silver 5', 'Gold 15']);
    expect(await read(gold)).toEqual(['Gold 15', null]);
    expect(await read(platinum)).toEqual(['Platinum 15', null]);
    // No tier with a discount: neither.
    expect(await readerDiscounts(ctx, membership(null, [plain]))).toEqual({ own: null, hint: null });
  });
});
