import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Actor, Ctx } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import type { FanRow, FansRepository } from './fans.repository.ts';
import { createFansService } from './fans.service.ts';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const fanRow = (over: Partial<FanRow> = {}): FanRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  email: 'fan@example.com',
  displayName: 'Fan',
  passwordHash: null,
  followStatus: 'never_followed',
  followingSince: null,
  firstFollowedAt: null,
  firstFollowSource: null,
  firstUnfollowedAt: null,
  createdAt: NOW,
  ...over,
});

/** Service tier: fake repositories, no database. The transaction is a pass-through. */
function setup(repo: Partial<FansRepository>) {
  const db = { transaction: (fn: (tx: unknown) => unknown) => fn(db) } as unknown as Db;
  // The state change and its activity are one statement: the fake answers the change's own row, if any.
  const timeline = {
    recordWithChange: vi.fn(async (_ctx: Ctx, change: { row?: unknown }) => change.row),
    listForFan: vi.fn(async () => ({ items: [], nextCursor: null })),
  };
  const service = createFansService({
    repo: repo as FansRepository,
    auth: {} as AuthService,
    timeline: timeline as unknown as TimelineService,
  });
  const ctx = (actor: Actor): Ctx => ({ actor, db, now: () => NOW, log: pino({ level: 'silent' }) });
  return { service, timeline, ctx };
}

describe('FansService', () => {
  const fan: Actor = { kind: 'fan', fanId: '11111111-1111-4111-8111-111111111111' };

  it('writes the follow state with its followed activity, from the article the fan came from', async () => {
    const change = { row: fanRow({ followStatus: 'following', followingSince: NOW }) };
    const markFollowing = vi.fn(() => change);
    const { service, timeline, ctx } = setup({ markFollowing } as unknown as Partial<FansRepository>);
    const res = await service.follow(ctx(fan), 'article:42');
    expect(res).toMatchObject({ following: true, followingSince: NOW.toISOString() });
    expect(markFollowing).toHaveBeenCalledWith(fan.kind === 'fan' ? fan.fanId : '', NOW, 'article');
    expect(timeline.recordWithChange).toHaveBeenCalledWith(expect.anything(), change, {
      fanId: fan.kind === 'fan' ? fan.fanId : '',
      kind: 'followed',
      source: 'article:42',
      articleId: '42',
      at: NOW,
    });
  });

  it('answers with the fan as stored when nothing changed (already following)', async () => {
    const findById = vi.fn(async () => fanRow({ followStatus: 'following', followingSince: NOW }));
    const { service, ctx } = setup({ markFollowing: vi.fn(() => ({ row: undefined })), findById } as unknown as Partial<FansRepository>);
    expect((await service.follow(ctx(fan))).following).toBe(true);
    expect(findById).toHaveBeenCalledTimes(1);
  });

  it('checks access before touching data', async () => {
    const list = vi.fn();
    const markFollowing = vi.fn();
    const { service, ctx } = setup({ list, markFollowing });
    await expect(service.list(ctx(fan), { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(service.follow(ctx({ kind: 'anonymous' }))).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    await expect(service.follow(ctx({ kind: 'staff', staffId: 'x', role: 'owner' }))).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(list).not.toHaveBeenCalled();
    expect(markFollowing).not.toHaveBeenCalled();
  });
});
