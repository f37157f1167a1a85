import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanImport, ImportReport } from '../../segments/types';

/** A small file is imported within the request (its report); a large one in the background (the import to follow). */
export type ImportAnswer = { kind: 'report'; report: ImportReport } | { kind: 'background'; import: FanImport };

/** Everything an import changes: new fans, follows and tags show up in nearly every console number. */
const IMPORTED = [
  queryKeys.consoleFans,
  queryKeys.consoleStats,
  queryKeys.consoleTags,
  queryKeys.consoleSegments,
  queryKeys.consoleInsights,
  queryKeys.consoleLoyalty,
];

/**
 * Sends a CSV file's text as is (`text/csv`), with an Idempotency-Key of its own: if the answer is
 * lost and the upload is sent again with the same key, the server answers the first import.
 */
export async function importFans({ csv, key }: { csv: string; key: string }): Promise<ImportAnswer> {
  const body = await apiFetch<ImportReport | { import: FanImport }>('/api/admin/fans/import', {
    method: 'POST',
    body: csv,
    contentType: 'text/csv',
    headers: { 'Idempotency-Key': key },
  });
  return 'import' in body ? { kind: 'background', import: body.import } : { kind: 'report', report: body };
}

export function useImportFans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importFans,
    onSuccess: (answer) => (answer.kind === 'report' ? Promise.all(IMPORTED.map((queryKey) => queryClient.invalidateQueries({ queryKey }))) : undefined),
  });
}

const running = (state: FanImport | undefined) => state?.status === 'queued' || state?.status === 'running';

/** A background import, polled every second until it has finished; then the console's figures are refreshed. */
export function useFanImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...queryKeys.consoleFanImports, id],
    enabled: id !== null,
    queryFn: async () => {
      const state = await apiFetch<FanImport>(`/api/admin/fans/imports/${id}`);
      if (!running(state)) await Promise.all(IMPORTED.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return state;
    },
    refetchInterval: (query) => (running(query.state.data) || !query.state.data ? 1_000 : false),
  });
}
