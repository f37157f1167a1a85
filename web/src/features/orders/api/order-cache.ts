import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import type { Cart, Order, StaffOrder } from '../types';

/** After a cart write: keep the cart the server answered (the header badge follows). */
export function keepCart(queryClient: QueryClient, cart: Cart): void {
  queryClient.setQueryData(queryKeys.fanCart, cart);
}

/**
 * After checkout, paying or canceling: keep the order, refresh the fan's list and the cart (a
 * checkout empties it), and the store (stock moved).
 */
export function afterFanOrderWrite(queryClient: QueryClient, order: Order): void {
  queryClient.setQueryData(queryKeys.fanOrder(order.id), order);
  void queryClient.invalidateQueries({ queryKey: queryKeys.fanOrders, predicate: (q) => q.queryKey[2] !== 'detail' });
  void queryClient.invalidateQueries({ queryKey: queryKeys.fanCart });
  void queryClient.invalidateQueries({ queryKey: queryKeys.store });
}

/** After a staff action on an order: keep it, refresh the lists (and payments: a refund moves money). */
export function afterStaffOrderWrite(queryClient: QueryClient, order?: StaffOrder): void {
  if (order) queryClient.setQueryData(queryKeys.consoleOrder(order.id), order);
  void queryClient.invalidateQueries({
    queryKey: queryKeys.consoleOrders,
    predicate: (q) => !(order && q.queryKey[2] === 'detail' && q.queryKey[3] === order.id),
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.consolePayments });
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleLedger });
}
