import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outRefundNoOf, outTradeNoOf, refundIdOf, truncateUtf8 } from './wechatpay-fields.ts';

describe('the fields WeChat Pay limits', () => {
  it('cuts a description to 127 bytes of UTF-8 without splitting a character', () => {
    expect(truncateUtf8('Gold membership')).toBe('Gold membership');
    const exact = 'a'.repeat(127);
    expect(truncateUtf8(exact)).toBe(exact);
    // 125 ASCII bytes, then a 4-byte emoji that would end at byte 129: left out whole.
    expect(truncateUtf8(`${'a'.repeat(125)}🎉b`)).toBe('a'.repeat(125));
    const chinese = truncateUtf8('会'.repeat(50));
    expect(chinese).toBe('会'.repeat(42));
    expect(Buffer.byteLength(chinese)).toBe(126);
  });

  it('makes order and refund numbers of 32 hex digits from our ids, and reads refund ids back', () => {
    const id = randomUUID();
    expect(outTradeNoOf(id)).toMatch(/^[0-9a-f]{32}$/);
    expect(refundIdOf(outRefundNoOf(id))).toBe(id);
    expect(refundIdOf(outRefundNoOf(id).toUpperCase())).toBe(id);
    expect(refundIdOf('1217752501201407033233368018')).toBeUndefined();
    expect(refundIdOf(`${outRefundNoOf(id)}0`)).toBeUndefined();
    expect(() => outTradeNoOf(`${id}-and-more`)).toThrow(/WeChat Pay order number/);
  });
});
