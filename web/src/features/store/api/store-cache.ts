import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminProduct } from '../types';

/**
 * After any catalogue write: keep the product the server sent back, refresh the rest of the
 * console's store (lists, categories, other products), and drop what the fan store cached (a
 * product may have appeared, changed or gone). A deleted product's entry is left to expire:
 * refetching it under the open editor would answer 404.
 */
export function afterStoreWrite(queryClient: QueryClient, changed: { product?: AdminProduct; deletedId?: string } = {}): void {
  if (changed.product) queryClient.setQueryData(queryKeys.consoleStoreProduct(changed.product.id), changed.product);
  const keep = changed.product?.id ?? changed.deletedId;
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleStore, predicate: (q) => !(q.queryKey[2] === 'detail' && q.queryKey[3] === keep) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.store });
}
