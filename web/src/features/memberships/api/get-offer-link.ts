import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { PublicOffer } from '../fan-types';

/** The offer an offer link names (`/membership?offer=<code>`). */
export function useOfferLink(code: string | null) {
  return useQuery({
    queryKey: ['membership-offer', 'link', code ?? ''],
    queryFn: () => apiFetch<PublicOffer>(`/api/memberships/offers/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    retry: false,
  });
}
