import { z } from 'zod';
import { INT4_MAX, int4Query } from './bounds.ts';

export const pageQuery = z.object({
  page: int4Query(1, INT4_MAX).default(1),
  pageSize: int4Query(1, 100).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.pageSize;

const INT8_MAX = 9223372036854775807n;
const NOT_A_CURSOR = 'must be a cursor returned by a previous page';

/** A keyset cursor: the last item's int8 id, opaque to clients; anything else is a 400, never a query. */
export const cursorField = z
  .string()
  .regex(/^\d{1,19}$/, NOT_A_CURSOR)
  .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= INT8_MAX, NOT_A_CURSOR);

/** Keyset pagination for timelines. */
export const cursorQuery = z.object({
  cursor: cursorField.optional(),
  limit: int4Query(1, 100).default(30),
});
export type CursorQuery = z.infer<typeof cursorQuery>;

export const cursorPageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type CursorPage<T> = { items: T[]; nextCursor: string | null };
