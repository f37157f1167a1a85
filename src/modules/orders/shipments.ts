import { parse } from 'csv-parse/sync';
import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { OrdersRepository } from './orders.repository.ts';
import { shipBody } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';

export const SHIPMENTS_HEADER = ['order_number', 'carrier', 'tracking_number'] as const;
export const MAX_SHIPMENT_ROWS = 1000;

type RowError = { row: number; orderNumber: string; code: string; message: string };

/**
 * Tracking numbers from a CSV (header `order_number,carrier,tracking_number`, at most 1,000
 * rows): each row marks a paid order shipped in its own transaction, or is reported with its
 * line number (the header is line 1) and why; a dry run checks every row and changes nothing.
 */
export function createShipments(deps: { repo: OrdersRepository; orders: OrdersService }) {
  const { repo, orders } = deps;
  return {
    async apply(ctx: Ctx, input: { csv: string; dryRun: boolean }) {
      requireStaff(ctx);
      let records: string[][];
      try {
        records = parse(input.csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
      } catch (err) {
        throw new AppError('order.csv_invalid', { reason: (err instanceof Error ? err.message : String(err)).slice(0, 200) });
      }
      const [header, ...rows] = records;
      if (!header || header.map((h) => h.toLowerCase()).join(',') !== SHIPMENTS_HEADER.join(','))
        throw new AppError('order.csv_invalid', { reason: `the first row must be ${SHIPMENTS_HEADER.join(',')}` });
      if (rows.length > MAX_SHIPMENT_ROWS) throw new AppError('order.csv_invalid', { reason: `at most ${MAX_SHIPMENT_ROWS} rows, got ${rows.length}` });

      const errors: RowError[] = [];
      const seen = new Set<string>();
      let shipped = 0;
      for (const [i, cells] of rows.entries()) {
        const row = i + 2;
        const [orderNumber = '', carrier = '', trackingNumber = ''] = cells;
        try {
          const fields = shipBody.safeParse({ carrier, trackingNumber });
          if (!fields.success) {
            const issue = fields.error.issues[0]!;
            throw new AppError('validation_failed', { path: String(issue.path[0]), in: 'csv' }, { message: `${String(issue.path[0])} ${issue.message}` });
          }
          if (!/^\d{1,15}$/.test(orderNumber)) throw new AppError('order.not_found');
          if (seen.has(orderNumber)) throw new AppError('order.shipment_duplicate', { orderNumber });
          seen.add(orderNumber);
          const order = await repo.findByNumber(ctx.db, Number(orderNumber));
          if (!order) throw new AppError('order.not_found');
          if (input.dryRun) {
            if (order.status !== 'paid') throw new AppError('order.wrong_state', { status: order.status });
          } else {
            await orders.markShipped(ctx, order, fields.data);
          }
          shipped += 1;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          errors.push({ row, orderNumber, code: err.code, message: err.message });
        }
      }
      return { dryRun: input.dryRun, shipped, errors };
    },
  };
}
export type Shipments = ReturnType<typeof createShipments>;
