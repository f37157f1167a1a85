import { requireFan } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { CartPricesService } from '../store/cart-prices.service.ts';
import { priceCart } from './cart-pricing.ts';
import type { OrdersRepository } from './orders.repository.ts';
import { MAX_CART_LINES, type CartDto } from './orders.schemas.ts';

/**
 * A fan's cart: one line per variant (1 to 99 units), at most 50 lines, priced when read with
 * the fan's member discount. Only signed-in fans have one (visitors 401, staff 403).
 */
export function createCartService(deps: { repo: OrdersRepository; prices: CartPricesService }) {
  const { repo, prices } = deps;
  const read = async (ctx: Ctx, fanId: string): Promise<CartDto> => (await priceCart(ctx, deps, await repo.cartOf(ctx.db, fanId))).dto;

  return {
    async get(ctx: Ctx): Promise<CartDto> {
      return read(ctx, requireFan(ctx));
    },

    /**
     * Sets a variant's quantity in the cart, adding the line when new: only a variant fans can
     * buy now is added (an unpublished, inactive or archived one is not found); a line already
     * there may change whatever became of its variant (the cart shows the problem).
     */
    async setLine(ctx: Ctx, variantId: string, quantity: number): Promise<CartDto> {
      const fanId = requireFan(ctx);
      await inTransaction(ctx, async (tx) => {
        await repo.lockCart(tx.db, fanId);
        const lines = await repo.cartOf(tx.db, fanId);
        const existing = lines.find((l) => l.variantId === variantId);
        if (!existing) {
          const [variant] = (await prices.forReader(tx, [variantId])).variants;
          if (!variant?.onSale) throw new AppError('store.variant_not_found');
          if (lines.length >= MAX_CART_LINES) throw new AppError('cart.full', { max: MAX_CART_LINES });
        }
        await repo.putCartLine(tx.db, { fanId, variantId, quantity, addedAt: existing?.addedAt ?? tx.now() });
      });
      return read(ctx, fanId);
    },

    async removeLine(ctx: Ctx, variantId: string): Promise<CartDto> {
      const fanId = requireFan(ctx);
      await repo.deleteCartLines(ctx.db, fanId, [variantId]);
      return read(ctx, fanId);
    },

    async clear(ctx: Ctx): Promise<CartDto> {
      const fanId = requireFan(ctx);
      await repo.deleteCartLines(ctx.db, fanId);
      return read(ctx, fanId);
    },
  };
}
export type CartService = ReturnType<typeof createCartService>;
