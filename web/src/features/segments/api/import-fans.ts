import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ImportReport } from '../../segments/types';

/** Sends a CSV file's text as is (`text/csv`); the answer reports every row. */
export function importFans(csv: string): Promise<ImportReport> {
  return apiFetch<ImportReport>('/api/admin/fans/import', { method: 'POST', body: csv, contentType: 'text/csv' });
}

export function useImportFans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importFans,
    // New fans, follows and tags show up in nearly every console number.
    onSuccess: () =>
      Promise.all(
        [queryKeys.consoleFans, queryKeys.consoleStats, queryKeys.consoleTags, queryKeys.consoleSegments, queryKeys.consoleInsights, queryKeys.consoleLoyalty].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
