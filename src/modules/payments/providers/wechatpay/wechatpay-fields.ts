import { isUuid } from '../../../../core/ids.ts';

/** WeChat Pay's limits on the fields we send. */
export const OUT_TRADE_NO_MAX = 32;
export const DESCRIPTION_MAX_BYTES = 127;

/** Our ids are UUIDs; WeChat Pay's out_trade_no and out_refund_no take at most 32 of [0-9A-Za-z_-|*]: the 32 hex digits fit. */
function compact(id: string): string {
  const no = id.replaceAll('-', '').toLowerCase();
  if (no.length > OUT_TRADE_NO_MAX || !/^[0-9A-Za-z_|*-]+$/.test(no)) throw new Error(`${id} does not make a WeChat Pay order number`);
  return no;
}

/** The out_trade_no of our payment `paymentId` (also its providerPaymentId). */
export const outTradeNoOf = (paymentId: string): string => compact(paymentId);

/** The out_refund_no of our refund `refundId`. */
export const outRefundNoOf = (refundId: string): string => compact(refundId);

/** Our refund id back from an out_refund_no, or undefined when it is none of ours. */
export function refundIdOf(outRefundNo: string): string | undefined {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(outRefundNo);
  const id = m ? m.slice(1).join('-').toLowerCase() : undefined;
  return id && isUuid(id) ? id : undefined;
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
export function truncateUtf8(text: string, maxBytes = DESCRIPTION_MAX_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}
