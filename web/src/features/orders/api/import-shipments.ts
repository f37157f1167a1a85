import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { ShipmentsResult } from '../types';
import { afterStaffOrderWrite } from './order-cache';

export function importShipments(input: { csv: string; dryRun: boolean }): Promise<ShipmentsResult> {
  return apiFetch<ShipmentsResult>('/api/admin/orders/shipments', { method: 'POST', body: input });
}

/** Marks orders shipped from a CSV (order_number, carrier, tracking_number); a dry run only reports. */
export function useImportShipments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importShipments,
    onSuccess: (result) => {
      if (!result.dryRun && result.shipped > 0) afterStaffOrderWrite(queryClient);
    },
  });
}
