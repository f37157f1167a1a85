import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PaymentSettings, ProviderName, SaleChannel } from '../types';

/** The owner chooses a channel of sale's provider (null: the default). */
export function useChooseChannelProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { channel: SaleChannel; provider: ProviderName | null }) =>
      apiFetch<PaymentSettings>(`/api/admin/payments/settings/channels/${input.channel}`, { method: 'PUT', body: { provider: input.provider } }),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.consolePaymentSettings, settings);
      // The membership page says how fans pay (test payments, auto-renew).
      void queryClient.invalidateQueries({ queryKey: queryKeys.membershipOffer });
    },
  });
}
