import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { checkQty, checkState, ItemNotLoadedError, type FestivalGate, type GateAnswer, type GateItemState } from './festival-gate.ts';

/*
 * Keys per item, all under one hash tag so they live on one node of a cluster:
 *   <prefix>festival:{<item>}:item   hash: quota, limit, remaining
 *   <prefix>festival:{<item>}:fans   hash: fan id → units held
 *   <prefix>festival:{<item>}:flight hash: "<process>|<fan>|<key>" → units admitted and not yet
 *                                    durable (the order writer's transaction has not committed)
 *   <prefix>festival:process:<id>    a running process's lease (renewed every 5 s, gone 15 s after)
 * Each operation is one Lua script (EVALSHA, loaded again by ioredis when Redis forgot it), so it
 * runs whole, with no other command between its reads and writes, for every process sharing Redis.
 */

/** KEYS item, fans, flight · ARGV fan, qty, flight field ('' for none) → 0 won, 1 sold out, 2 limit reached, -1 not loaded. */
const ATTEMPT = `
local limit = tonumber(redis.call('HGET', KEYS[1], 'limit'))
if not limit then return -1 end
local q = tonumber(ARGV[2])
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if held + q > limit then return 2 end
local rem = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
if rem < q then return 1 end
redis.call('HINCRBY', KEYS[1], 'remaining', -q)
redis.call('HINCRBY', KEYS[2], ARGV[1], q)
if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], ARGV[3], q) end
return 0`;

/**
 * KEYS item, fans, flight · ARGV fan, qty, flight field ('' for none), only if in flight ('1'/'0')
 * → units released, -1 not loaded. With "only if in flight", nothing moves unless the field was
 * there (a reaper and the process itself never both give the same units back).
 */
const RELEASE = `
local quota = tonumber(redis.call('HGET', KEYS[1], 'quota'))
if not quota then return -1 end
if ARGV[3] ~= '' then
  local was = redis.call('HDEL', KEYS[3], ARGV[3])
  if ARGV[4] == '1' and was == 0 then return 0 end
end
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local back = math.min(tonumber(ARGV[2]), held)
if back <= 0 then return 0 end
if held == back then redis.call('HDEL', KEYS[2], ARGV[1]) else redis.call('HINCRBY', KEYS[2], ARGV[1], -back) end
local rem = tonumber(redis.call('HGET', KEYS[1], 'remaining')) + back
if rem > quota then rem = quota end
redis.call('HSET', KEYS[1], 'remaining', rem)
return back`;

/**
 * KEYS item, fans, staging, flight · ARGV quota, limit, remaining, replace → 1 installed, 0 already
 * held. Installing forgets what was in flight: the durable counts it installs account for it.
 */
const INSTALL = `
if ARGV[4] == '0' and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('DEL', KEYS[3])
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[4])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[2])
  redis.call('PERSIST', KEYS[2])
end
redis.call('HSET', KEYS[1], 'quota', ARGV[1], 'limit', ARGV[2], 'remaining', ARGV[3])
return 1`;

type Scripts = {
  fanbaseGateAttempt(item: string, fans: string, flight: string, fanId: string, qty: number, field: string): Promise<number>;
  fanbaseGateRelease(item: string, fans: string, flight: string, fanId: string, qty: number, field: string, onlyInFlight: '0' | '1'): Promise<number>;
  fanbaseGateInstall(
    item: string,
    fans: string,
    staging: string,
    flight: string,
    quota: number,
    limit: number,
    remaining: number,
    replace: 0 | 1,
  ): Promise<number>;
};
const ANSWERS: Record<number, GateAnswer> = { 0: 'won', 1: 'sold_out', 2: 'limit_reached' };
/** Fans written to the staging hash per command while loading. */
const LOAD_CHUNK = 1000;
/** A staging hash left by a process that died while loading goes away by itself. */
const STAGING_TTL_SECONDS = 600;

/** A process's lease: renewed every LEASE_RENEW_MS, gone LEASE_MS after the process stops renewing it (a crash). */
export const LEASE_MS = 15_000;
const LEASE_RENEW_MS = 5_000;

/** The gate in Redis, shared by every server process pointed at it. `keyPrefix` separates brands or tests sharing one Redis. */
export function createRedisGate(options: { url: string; keyPrefix?: string }): FestivalGate {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.defineCommand('fanbaseGateAttempt', { numberOfKeys: 3, lua: ATTEMPT });
  redis.defineCommand('fanbaseGateRelease', { numberOfKeys: 3, lua: RELEASE });
  redis.defineCommand('fanbaseGateInstall', { numberOfKeys: 4, lua: INSTALL });
  const scripts = redis as unknown as Scripts;
  const prefix = options.keyPrefix ?? '';
  const keys = (itemKey: string) => {
    const base = `${prefix}festival:{${itemKey}}`;
    return { item: `${base}:item`, fans: `${base}:fans`, flight: `${base}:flight`, staging: `${base}:staging:${randomUUID()}` };
  };
  const processId = randomUUID();
  /** The in-flight field of one admitted attempt of this process ('' when the caller gave no key). */
  const fieldOf = (fanId: string, key: string | undefined) => (key === undefined ? '' : `${processId}|${fanId}|${key}`);
  const glob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');
  const notLoaded = (itemKey: string) => new ItemNotLoadedError(itemKey);
  const leaseKey = `${prefix}festival:process:${processId}`;
  let renew: NodeJS.Timeout | undefined;

  /** Keys matching `pattern` (SCAN: never blocks Redis). */
  async function scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  }

  async function install(itemKey: string, state: GateItemState, replace: 0 | 1): Promise<boolean> {
    checkState(state);
    const k = keys(itemKey);
    const fans = [...state.byFan].filter(([, n]) => n > 0);
    for (let i = 0; i < fans.length; i += LOAD_CHUNK) {
      const chunk = fans.slice(i, i + LOAD_CHUNK).flatMap(([fanId, n]) => [fanId, String(n)]);
      await redis
        .multi()
        .hset(k.staging, ...chunk)
        .expire(k.staging, STAGING_TTL_SECONDS)
        .exec();
    }
    return (await scripts.fanbaseGateInstall(k.item, k.fans, k.staging, k.flight, state.quota, state.perFanLimit, state.quota - state.sold, replace)) === 1;
  }

  return {
    kind: 'redis',
    load: (itemKey, state) => install(itemKey, state, 0),
    async reconcile(itemKey, state) {
      await install(itemKey, state, 1);
    },
    async attempt(itemKey, fanId, qty, key) {
      checkQty(qty);
      const k = keys(itemKey);
      const answer = ANSWERS[await scripts.fanbaseGateAttempt(k.item, k.fans, k.flight, fanId, qty, fieldOf(fanId, key))];
      if (!answer) throw notLoaded(itemKey);
      return answer;
    },
    async release(itemKey, fanId, qty, key) {
      checkQty(qty);
      const k = keys(itemKey);
      const back = await scripts.fanbaseGateRelease(k.item, k.fans, k.flight, fanId, qty, fieldOf(fanId, key), '0');
      if (back < 0) throw notLoaded(itemKey);
      return back;
    },
    async landed(itemKey, fanId, key) {
      await redis.hdel(keys(itemKey).flight, fieldOf(fanId, key));
    },
    async reap(isDurable) {
      const leases = `${prefix}festival:process:`;
      const live = new Set((await scan(`${glob(leases)}*`)).map((k) => k.slice(leases.length)));
      let released = 0;
      for (const flight of await scan(`${glob(prefix)}festival:{*}:flight`)) {
        const k = keys(flight.slice(`${prefix}festival:{`.length, -'}:flight'.length));
        for (const [field, units] of Object.entries(await redis.hgetall(flight))) {
          const [owner = '', fanId = '', ...rest] = field.split('|');
          if (live.has(owner)) continue;
          // Its process is gone: the order was either written (forget the record) or never will be (units back).
          if (await isDurable(fanId, rest.join('|'))) {
            await redis.hdel(flight, field);
            continue;
          }
          const back = await scripts.fanbaseGateRelease(k.item, k.fans, k.flight, fanId, Math.max(1, Number(units)), field, '1');
          if (back < 0) await redis.hdel(flight, field);
          else released += back;
        }
      }
      return released;
    },
    async remaining(itemKey) {
      const value = await redis.hget(keys(itemKey).item, 'remaining');
      return value === null ? null : Number(value);
    },
    async heldBy(itemKey, fanId) {
      return Number((await redis.hget(keys(itemKey).fans, fanId)) ?? 0);
    },
    async drop(itemKey) {
      const k = keys(itemKey);
      await redis.del(k.item, k.fans, k.flight);
    },
    async join() {
      // The lease first, then the others': of two processes starting together at least one sees the other.
      await redis.set(leaseKey, String(process.pid), 'PX', LEASE_MS);
      if (!renew) {
        renew = setInterval(() => void redis.set(leaseKey, String(process.pid), 'PX', LEASE_MS).catch(() => undefined), LEASE_RENEW_MS);
        renew.unref();
      }
      const others = (await scan(`${glob(prefix)}festival:process:*`)).filter((k) => k !== leaseKey);
      return others.length === 0 ? 'alone' : 'shared';
    },
    async close() {
      if (renew) clearInterval(renew);
      if (redis.status === 'ready') await redis.del(leaseKey).catch(() => undefined);
      await redis.quit();
    },
  };
}
