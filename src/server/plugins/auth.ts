import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Container } from '../../container.ts';
import type { Actor, Ctx } from '../../core/context.ts';
import { forbidden, unauthenticated } from '../../core/errors.ts';

export const STAFF_COOKIE = 'fb_staff';
export const FAN_COOKIE = 'fb_fan';
/** The browser's anonymous first-party id (the festival's bot checks count attempts per browser). */
export const VISITOR_COOKIE = 'fb_vid';
const VISITOR_MAX_AGE_S = 365 * 24 * 3600;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hooks; services receive it as their first argument. */
    ctx: Ctx;
  }
}

export type SessionCookies = {
  set(reply: FastifyReply, name: string, session: { token: string; expiresAt: Date }): void;
  clear(reply: FastifyReply, name: string): void;
  read(req: FastifyRequest, name: string): string | undefined;
  /**
   * The browser's visitor id from its signed `fb_vid` cookie (httpOnly, SameSite=Lax); a new one,
   * set on the reply, when it has none or a forged one. Never from a header.
   */
  visitor(req: FastifyRequest, reply: FastifyReply): string;
};

export function sessionCookies(secure: boolean): SessionCookies {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  // Signatures checked once per cookie value (an HMAC each): a festival's fans send theirs many
  // times a minute. Only valid ones are kept, so a forged value is checked every time.
  const verified = new LRUCache<string, string>({ max: 100_000 });
  const read = (req: FastifyRequest, name: string) => {
    const raw = req.cookies[name];
    if (!raw) return undefined;
    const known = verified.get(raw);
    if (known !== undefined) return known;
    const u = req.unsignCookie(raw);
    if (!u.valid || !u.value) return undefined;
    verified.set(raw, u.value);
    return u.value;
  };
  return {
    set: (reply, name, s) => void reply.setCookie(name, s.token, { ...base, expires: s.expiresAt }),
    clear: (reply, name) => void reply.clearCookie(name, base),
    read,
    visitor(req, reply) {
      const known = read(req, VISITOR_COOKIE);
      if (known && /^[0-9a-f-]{36}$/.test(known)) return known;
      const id = randomUUID();
      void reply.setCookie(VISITOR_COOKIE, id, { ...base, maxAge: VISITOR_MAX_AGE_S });
      return id;
    },
  };
}

/**
 * Resolves the actor for each request. Staff routes accept a staff session cookie or
 * `Authorization: Bearer <token>`; fan routes accept only the fan cookie. A fan cookie never
 * opens a staff route: the two are separate sessions of separate tables.
 */
export function registerAuth(app: FastifyInstance, container: Container, cookies: SessionCookies) {
  const { staff, fans } = container.services;
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (req) => {
    req.ctx = container.ctx({ kind: 'anonymous' }, { ip: req.ip, log: req.log });
  });

  const setActor = (req: FastifyRequest, actor: Actor) => {
    req.ctx = { ...req.ctx, actor };
  };

  return {
    /** onRequest hook for every /api/admin route. */
    async staffOnly(req: FastifyRequest) {
      const header = req.headers.authorization;
      let actor: Actor | undefined;
      if (header !== undefined) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        actor = m ? await staff.actorForToken(req.ctx, m[1]!) : undefined;
        if (!actor) throw unauthenticated('The API token is invalid or was revoked');
      } else {
        const token = cookies.read(req, STAFF_COOKIE);
        actor = token ? await staff.actorForSession(req.ctx, token) : undefined;
      }
      if (actor) return setActor(req, actor);
      if (cookies.read(req, FAN_COOKIE)) throw forbidden('Fans cannot open the console');
      throw unauthenticated('Sign in to the console first');
    },
    /** Sets the fan actor when a fan session is present; never fails. */
    async fanIfAny(req: FastifyRequest) {
      const token = cookies.read(req, FAN_COOKIE);
      const fanId = token ? await fans.resolveSession(req.ctx, token) : undefined;
      if (fanId) setActor(req, { kind: 'fan', fanId });
    },
  };
}
export type AuthHooks = ReturnType<typeof registerAuth>;
