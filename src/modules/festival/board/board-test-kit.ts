import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { createOwner } from '../../../../test/factories.ts';
import type { FestivalBoardDto } from '../festival-attempts.schemas.ts';
import { call, festivalInput } from '../festival-test-kit.ts';

type Owner = Awaited<ReturnType<typeof createOwner>>;

/** A published festival of two items (¥59 × quota, ¥89 × 5), as staff make it in the console. */
export async function boardFestival(app: FastifyInstance, owner: Owner, terms: { quota: number; perFanLimit: number }, over: Record<string, unknown> = {}) {
  const admin = (method: 'POST', url: string, payload?: object) => call(app)(method, `/api/admin${url}`, owner.cookie, payload);
  const p = await admin('POST', '/store/products', {
    title: 'Festival phone',
    slug: 'festival-phone',
    variants: [
      { sku: 'phone-black', name: 'Black', price: { amountMinor: 9_900 }, stock: 1_000 },
      { sku: 'phone-white', name: 'White', price: { amountMinor: 12_900 }, stock: 1_000 },
    ],
  });
  const product = p.json() as { id: string; variants: { id: string }[] };
  expect((await admin('POST', `/store/products/${product.id}/publish`)).statusCode).toBe(200);
  const f = (await admin('POST', '/festivals', festivalInput(over))).json() as { id: string };
  await admin('POST', `/festivals/${f.id}/items`, { variantId: product.variants[0]!.id, priceMinor: 5_900, ...terms });
  const res = await admin('POST', `/festivals/${f.id}/items`, { variantId: product.variants[1]!.id, priceMinor: 8_900, quota: 5, perFanLimit: 1 });
  expect((await admin('POST', `/festivals/${f.id}/publish`)).statusCode).toBe(200);
  const items = res.json().items as { id: string; variant: { id: string } }[];
  const itemOf = (variantId: string) => items.find((i) => i.variant.id === variantId)!.id;
  return { id: f.id, itemId: itemOf(product.variants[0]!.id), otherItemId: itemOf(product.variants[1]!.id) };
}

/** One fan's purchase attempt, as the fan site sends it. */
export function attemptOf(t: { app: FastifyInstance }) {
  return (cookie: string, itemId: string, key: string, quantity = 1) =>
    t.app.inject({
      method: 'POST',
      url: `/api/fan/festivals/fan-festival/items/${itemId}/attempts`,
      headers: { cookie, 'idempotency-key': key },
      payload: { quantity },
    });
}

/** A viewer of a listening server's event stream: its status, the frames it got, waits on them. */
export type StreamViewer = {
  status: number;
  contentType: string;
  frames: FestivalBoardDto[];
  comments: string[];
  /** The first frame received from now on that `test` accepts. */
  next(test?: (frame: FestivalBoardDto) => boolean): Promise<FestivalBoardDto>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

export function openStream(baseUrl: string, path: string, cookie: string): Promise<StreamViewer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      let waiters: { test: (f: FestivalBoardDto) => boolean; resolve: (f: FestivalBoardDto) => void }[] = [];
      let endedResolve!: () => void;
      const viewer: StreamViewer = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        frames: [],
        comments: [],
        next: (test = () => true) => new Promise((r) => waiters.push({ test, resolve: r })),
        ended: new Promise<void>((r) => (endedResolve = r)),
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) viewer.comments.push(line.slice(1).trim());
            if (!line.startsWith('data: ')) continue;
            const frame = JSON.parse(line.slice(6)) as FestivalBoardDto;
            viewer.frames.push(frame);
            const [done, waiting] = [waiters.filter((w) => w.test(frame)), waiters.filter((w) => !w.test(frame))];
            waiters = waiting;
            for (const w of done) w.resolve(frame);
          }
        }
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      resolve(viewer);
    });
    req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    req.end();
  });
}
