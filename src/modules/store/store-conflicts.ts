import { AppError } from '../../core/errors.ts';
import { isUniqueViolation, violatedConstraint } from '../../db/errors.ts';

/** 409s for a slug or SKU another product, variant or category already has, naming the field. */
export const slugTaken = (slug: string) =>
  new AppError('store.slug_taken', { slug }, { details: [{ path: 'slug', issue: 'taken', message: 'is used by another product' }] });
export const skuTaken = (sku: string, path = 'sku') =>
  new AppError('store.sku_taken', { sku }, { details: [{ path, issue: 'taken', message: 'is used by another variant' }] });
export const categorySlugTaken = (slug: string) =>
  new AppError('store.category_slug_taken', { slug }, { details: [{ path: 'slug', issue: 'taken', message: 'is used by another category' }] });

/**
 * The same 409 for a unique index that refused a write the checks before it could not see (a
 * write at the same moment); any other error as it was.
 */
export function asConflict(err: unknown, hints: { slug?: string; sku?: string }): unknown {
  if (!isUniqueViolation(err)) return err;
  switch (violatedConstraint(err)) {
    case 'store_products_slug_key':
      return slugTaken(hints.slug ?? '');
    case 'store_variants_sku_key':
      return skuTaken(hints.sku ?? '');
    case 'store_categories_slug_key':
      return categorySlugTaken(hints.slug ?? '');
    default:
      return err;
  }
}
