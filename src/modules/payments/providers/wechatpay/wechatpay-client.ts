import type { z } from 'zod';
import type { Ctx } from '../../../../core/context.ts';
import { AppError } from '../../../../core/errors.ts';
import type { WechatPayOptions } from './wechatpay-options.ts';
import { authorization, newNonce, signatureProblem, unixSeconds } from './wechatpay-signature.ts';

export const WECHATPAY = 'wechatpay';
const DEFAULT_TIMEOUT_MS = 10_000;

export const providerFailed = (code: string, message: string) => new AppError('payment.provider_failed', { provider: WECHATPAY, code }, { message });

/** WeChat Pay's error answer `{code, message}`, as far as it is one. */
function errorOf(text: string): { code?: string; message?: string } {
  try {
    const e = JSON.parse(text) as { code?: unknown; message?: unknown };
    return {
      ...(typeof e.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(e.code) ? { code: e.code } : {}),
      ...(typeof e.message === 'string' ? { message: e.message.slice(0, 300) } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * Calls to WeChat Pay API v3: each request signed with the merchant key (Authorization), each
 * successful answer's signature verified before it is believed. Anything else, an error answer
 * (its `code`), no answer, or an answer that does not verify, is `payment.provider_failed`.
 */
export function createWechatPayClient(options: WechatPayOptions, fetchImpl: typeof fetch = fetch) {
  const base = options.apiBase.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const merchant = { mchId: options.mchId, serialNo: options.merchantSerialNo, key: options.merchantPrivateKey };

  return {
    async post<S extends z.ZodType>(ctx: Ctx, path: string, payload: unknown, answer: S): Promise<z.infer<S>> {
      const url = new URL(`${base}${path}`);
      const body = JSON.stringify(payload);
      const timestamp = unixSeconds(ctx.now());
      const nonce = newNonce();
      const headers: Record<string, string> = {
        authorization: authorization(merchant, { method: 'POST', url: `${url.pathname}${url.search}`, body, timestamp, nonce }),
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'Fanbase',
        ...(options.publicKeyId ? { 'wechatpay-serial': options.publicKeyId } : {}),
      };
      let res: Response;
      let text: string;
      try {
        res = await fetchImpl(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        text = await res.text();
      } catch (err) {
        const why = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message;
        ctx.log.warn({ err, path }, 'WeChat Pay could not be reached');
        throw providerFailed('network', `WeChat Pay could not be reached (${why})`);
      }
      if (!res.ok) {
        const e = errorOf(text);
        ctx.log.warn({ path, status: res.status, code: e.code, wechatMessage: e.message }, 'WeChat Pay refused a request');
        throw providerFailed(e.code ?? `http_${res.status}`, `WeChat Pay answered ${res.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''}`);
      }
      const problem = signatureProblem(options.verifyingKeys, (name) => res.headers.get(name) ?? undefined, text, ctx.now());
      if (problem) {
        ctx.log.error({ path, problem, serial: res.headers.get('wechatpay-serial') }, "WeChat Pay's answer did not verify");
        throw providerFailed('answer_unverified', `WeChat Pay's answer could not be verified (${problem})`);
      }
      let parsed: z.infer<S>;
      try {
        parsed = answer.parse(JSON.parse(text));
      } catch {
        throw providerFailed('answer_malformed', `WeChat Pay's answer to ${path} is not what the API documents`);
      }
      return parsed;
    },
  };
}
export type WechatPayClient = ReturnType<typeof createWechatPayClient>;
