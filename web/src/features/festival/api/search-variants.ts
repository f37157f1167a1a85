import { useQuery } from '@tanstack/react-query';
import type { AdminProductDto } from '@server/modules/store/store.schemas.ts';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A store variant offered by the SKU picker. */
export type VariantChoice = {
  id: string;
  sku: string;
  name: string;
  productTitle: string;
  priceMinor: number;
  currency: string;
  available: number;
  onSale: boolean;
};

/** Store products whose title or SKU contains `q` (the store's console list), as variants to pick. */
export async function searchVariants(q: string): Promise<VariantChoice[]> {
  const page = await apiFetch<{ items: AdminProductDto[] }>(`/api/admin/store/products${toQueryString({ q: q || undefined, page: 1, pageSize: 50 })}`);
  return page.items.flatMap((p) =>
    p.variants
      .filter((v) => v.archivedAt === null)
      .map((v) => ({
        id: v.id,
        sku: v.sku,
        name: v.name,
        productTitle: p.title,
        priceMinor: v.price.amountMinor,
        currency: v.price.currency,
        available: v.available,
        onSale: v.active && p.status === 'published',
      })),
  );
}

export function useVariantSearch(q: string) {
  return useQuery({ queryKey: [...queryKeys.consoleStore, 'variant-search', q], queryFn: () => searchVariants(q) });
}
