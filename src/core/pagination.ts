import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
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

/** Keyset pagination for timelines: the cursor is the last item's id, opaque to clients. */
export const cursorQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'must be a cursor returned by a previous page')
    .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= 9223372036854775807n, 'must be a cursor returned by a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type CursorQuery = z.infer<typeof cursorQuery>;

export const cursorPageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type CursorPage<T> = { items: T[]; nextCursor: string | null };
