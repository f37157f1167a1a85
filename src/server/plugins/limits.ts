import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, RouteOptions } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../core/errors.ts';

/**
 * Per-address limits across accounts, beside the per-address-and-email limit each credential
 * route has: one address trying one password on many emails (password spraying), or opening
 * accounts in bulk, is stopped here.
 *
 * - `sign-in`: failed attempts (any answer but a 2xx) on the credential doors (fan and staff
 *   sign-in, owner setup, invitation acceptance), counted together. A successful sign-in gives
 *   its attempt back, so an office or a carrier address shared by many honest people is only
 *   held back by their failures.
 * - `sign-up`: every fan sign-up attempt that passed validation.
 *
 * An attempt is counted when it starts (before the password hash is checked), so parallel
 * requests cannot slip past the limit while the first ones are still being verified. Counters
 * live in this process (a fixed window per address); IPv6 addresses count per /64, the block one
 * subscriber is usually given.
 */
export type AddressLimit = { max: number; windowMs: number };
export type AddressLimits = Record<AddressLimitKind, AddressLimit>;
export type AddressLimitKind = 'sign-in' | 'sign-up';

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  'sign-in': { max: 30, windowMs: 10 * 60_000 },
  'sign-up': { max: 20, windowMs: 60 * 60_000 },
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which per-address limit this route counts toward (set by the credential limit helpers). */
    addressLimit?: AddressLimitKind;
  }
}

/** The address a limit counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix. */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  // A trailing dotted IPv4 part stands for two groups.
  const [head = '', tail = ''] = ip
    .toLowerCase()
    .replace(/\d+\.\d+\.\d+\.\d+$/, '0:0')
    .split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

type Window = { count: number; resetAt: number };

const toArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const MESSAGES: Record<AddressLimitKind, string> = {
  'sign-in': 'Too many failed sign-in attempts from this address',
  'sign-up': 'Too many sign-ups from this address',
};

/** Must be registered before the routes it limits (it adds their hooks as they are declared). */
export function registerAddressLimits(app: FastifyInstance, limits: AddressLimits = DEFAULT_ADDRESS_LIMITS) {
  // Bounded memory: the least recently seen addresses are forgotten first.
  const windows = new LRUCache<string, Window>({ max: 50_000 });
  const counted = new WeakMap<FastifyRequest, Window>();

  const check = (kind: AddressLimitKind): preHandlerAsyncHookHandler =>
    async function addressLimit(req: FastifyRequest, reply: FastifyReply) {
      const { max, windowMs } = limits[kind];
      const key = `${kind}|${addressKey(req.ip)}`;
      const now = Date.now();
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs };
        windows.set(key, w);
      }
      if (w.count >= max) {
        const seconds = Math.ceil((w.resetAt - now) / 1000);
        reply.header('retry-after', String(seconds));
        throw new AppError('rate_limited', { retryAfterSeconds: seconds }, { message: `${MESSAGES[kind]}; try again in ${Math.ceil(seconds / 60)} minute(s)` });
      }
      w.count += 1;
      counted.set(req, w);
    };

  async function giveBack(req: FastifyRequest, reply: FastifyReply) {
    const w = counted.get(req);
    if (w && reply.statusCode < 300 && w.resetAt > Date.now()) w.count = Math.max(0, w.count - 1);
  }

  app.addHook('onRoute', (route: RouteOptions) => {
    const kind = route.config?.addressLimit;
    if (!kind) return;
    route.preHandler = [check(kind), ...toArray(route.preHandler)];
    if (kind === 'sign-in') route.onResponse = [...toArray(route.onResponse), giveBack];
  });
}
