import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { renderMarkdown } from '../../core/markdown.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import { isForeignKeyViolation } from '../../db/errors.ts';
import { asConflict, skuTaken, slugTaken } from './store-conflicts.ts';
import { readerDiscounts, type StoreMembership } from './store-pricing.ts';
import type { ProductCategoryRow, ProductRow, StoreRepository, VariantRow } from './store.repository.ts';
import {
  LOW_STOCK_AT,
  toAdminProductDto,
  toAdminVariantDto,
  toStoreProductDto,
  toStoreProductSummaryDto,
  type AdminProductDto,
  type AdminProductListQuery,
  type AdminVariantDto,
  type CreateProductInput,
  type DeleteVariantResult,
  type ProductInput,
  type StoreListQuery,
  type StoreProductDto,
  type StoreProductSummaryDto,
  type VariantInput,
} from './store.schemas.ts';

const groupBy = <T extends { productId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.productId, [...(map.get(r.productId) ?? []), r]);
  return map;
};

const detailsColumns = (input: ProductInput) => ({
  title: input.title,
  slug: input.slug,
  descriptionMarkdown: input.descriptionMarkdown,
  descriptionHtml: renderMarkdown(input.descriptionMarkdown),
  images: input.images,
});

const variantColumns = (input: VariantInput) => ({
  sku: input.sku,
  name: input.name,
  options: input.options,
  priceMinor: input.price.amountMinor,
  currency: input.price.currency,
  stock: input.stock,
  weightGrams: input.weightGrams,
  active: input.active,
});

/**
 * The store's catalogue: staff keep products (details, images, categories, variants with SKU,
 * price, stock and weight) and publish them; fans browse published ones with their member price.
 * An unpublished product is invisible to fans on every route; an ordered variant is archived,
 * never deleted.
 */
export function createStoreService(deps: { repo: StoreRepository; membership: StoreMembership }) {
  const { repo, membership } = deps;

  async function loadProduct(ctx: Ctx, id: string): Promise<ProductRow> {
    const row = await repo.findProduct(ctx.db, id);
    if (!row) throw new AppError('store.product_not_found');
    return row;
  }
  async function loadVariant(ctx: Ctx, id: string): Promise<VariantRow> {
    const row = await repo.findVariant(ctx.db, id);
    if (!row) throw new AppError('store.variant_not_found');
    return row;
  }

  /** Staff's view of these products, with every variant (inactive and archived too) and their categories. Cost: 2 queries. */
  async function adminDtos(ctx: Ctx, rows: ProductRow[], lowStockAt = LOW_STOCK_AT): Promise<AdminProductDto[]> {
    const ids = rows.map((r) => r.id);
    const [variants, categories] = await Promise.all([repo.variantsOf(ctx.db, ids, { onSaleOnly: false }), repo.categoriesOf(ctx.db, ids)]);
    const byProduct = groupBy(variants);
    const categoriesBy = groupBy(categories);
    return rows.map((r) => toAdminProductDto(r, byProduct.get(r.id) ?? [], categoriesBy.get(r.id) ?? [], lowStockAt));
  }
  const adminDto = async (ctx: Ctx, id: string) => (await adminDtos(ctx, [await loadProduct(ctx, id)]))[0]!;

  /** What fans see of these published products: the variants on sale, categories, and prices for this reader. Cost: 3–4 queries. */
  async function shelfOf(ctx: Ctx, rows: ProductRow[]) {
    const ids = rows.map((r) => r.id);
    const [variants, categories, discounts] = await Promise.all([
      repo.variantsOf(ctx.db, ids, { onSaleOnly: true }),
      repo.categoriesOf(ctx.db, ids),
      readerDiscounts(ctx, membership),
    ]);
    const byProduct = groupBy(variants);
    const categoriesBy = groupBy<ProductCategoryRow>(categories);
    return { discounts, variantsOf: (id: string) => byProduct.get(id) ?? [], categoriesOf: (id: string) => categoriesBy.get(id) ?? [] };
  }

  async function checkSlug(ctx: Ctx, slug: string, self?: string) {
    const other = await repo.findProductBySlug(ctx.db, slug);
    if (other && other.id !== self) throw slugTaken(slug);
  }

  async function checkCategories(ctx: Ctx, ids: string[]) {
    const found = new Set((await repo.findCategories(ctx.db, ids)).map((c) => c.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      throw new AppError('store.category_not_found', {}, { details: [{ path: `categoryIds.${missing}`, issue: 'not_found', message: 'is not a category' }] });
    }
  }

  /** SKUs are unique across the store, whatever their case; `self` is the variant being edited. */
  async function checkSkus(ctx: Ctx, skus: { sku: string; path: string }[], self?: string) {
    const taken = await repo.variantsBySku(
      ctx.db,
      skus.map((s) => s.sku),
    );
    for (const s of skus) {
      if (taken.some((v) => v.id !== self && v.sku.toLowerCase() === s.sku.toLowerCase())) throw skuTaken(s.sku, s.path);
    }
  }

  /** A product sells in one currency: a variant takes the currency its siblings on sale or for sale later have. */
  function checkCurrency(siblings: VariantRow[], currency: string, path: string, self?: string) {
    const other = siblings.find((v) => v.id !== self && v.archivedAt === null);
    if (other && other.currency !== currency) {
      throw new AppError(
        'store.currency_mismatch',
        { currency: other.currency },
        { details: [{ path, issue: 'invalid', message: `must be ${other.currency}, as the product's other variants are` }] },
      );
    }
  }

  /** The product was edited (the console list shows the last edited first). */
  const touch = (ctx: Ctx, productId: string) => repo.updateProduct(ctx.db, productId, { updatedAt: ctx.now() });

  /** Runs a catalogue write; a unique index the checks before it could not see (a write at the same moment) answers the same 409. */
  async function write<T>(ctx: Ctx, hints: { slug?: string; sku?: string }, fn: (tx: Ctx) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(ctx, fn);
    } catch (err) {
      throw asConflict(err, hints);
    }
  }

  return {
    // ——— Staff ———
    async list(ctx: Ctx, q: AdminProductListQuery): Promise<Page<AdminProductDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.listProducts(ctx.db, {
        status: q.status,
        categoryId: q.categoryId,
        q: q.q,
        lowStockAt: q.lowStock ? q.lowStockAt : undefined,
        limit: q.pageSize,
        offset: offsetOf(q),
      });
      return { items: await adminDtos(ctx, rows, q.lowStockAt), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: Ctx, id: string, lowStockAt = LOW_STOCK_AT): Promise<AdminProductDto> {
      requireStaff(ctx);
      return (await adminDtos(ctx, [await loadProduct(ctx, id)], lowStockAt))[0]!;
    },

    /** A new product, unpublished, with its first variants (all in one currency), in one transaction. */
    async create(ctx: Ctx, input: CreateProductInput): Promise<AdminProductDto> {
      requireStaff(ctx);
      await checkSlug(ctx, input.slug);
      await checkCategories(ctx, input.categoryIds);
      await checkSkus(
        ctx,
        input.variants.map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` })),
      );
      const currency = input.variants[0]?.price.currency;
      input.variants.forEach((v, i) => {
        if (v.price.currency !== currency)
          throw new AppError(
            'store.currency_mismatch',
            { currency: currency! },
            { details: [{ path: `variants.${i}.price.currency`, issue: 'invalid', message: `must be ${currency}, as the first variant is` }] },
          );
      });
      const id = newId();
      const now = ctx.now();
      const skus = input.variants.map((v, i) => ({ sku: v.sku, path: `variants.${i}.sku` }));
      await write(ctx, { slug: input.slug, sku: input.variants[0]?.sku }, async (tx) => {
        await repo.insertProduct(tx.db, {
          id,
          ...detailsColumns(input),
          createdBy: tx.actor.kind === 'staff' ? tx.actor.staffId : null,
          createdAt: now,
          updatedAt: now,
        });
        await repo.setProductCategories(tx.db, id, input.categoryIds);
        await repo.insertVariants(
          tx.db,
          input.variants.map((v, position) => ({ id: newId(), productId: id, ...variantColumns(v), position, createdAt: now, updatedAt: now })),
        );
      }).catch(async (err: unknown) => {
        // Another write took one of these SKUs meanwhile: name the one it took.
        if (err instanceof AppError && err.code === 'store.sku_taken') await checkSkus(ctx, skus);
        throw err;
      });
      return adminDto(ctx, id);
    },

    /** Replaces the details (title, slug, description, images, categories); the description is rendered and sanitised again. */
    async update(ctx: Ctx, id: string, input: ProductInput): Promise<AdminProductDto> {
      requireStaff(ctx);
      await loadProduct(ctx, id);
      await checkSlug(ctx, input.slug, id);
      await checkCategories(ctx, input.categoryIds);
      await write(ctx, { slug: input.slug }, async (tx) => {
        const row = await repo.updateProduct(tx.db, id, { ...detailsColumns(input), updatedAt: tx.now() });
        if (!row) throw new AppError('store.product_not_found');
        await repo.setProductCategories(tx.db, id, input.categoryIds);
      });
      return adminDto(ctx, id);
    },

    /** On the fan store from now on; it needs a variant on sale (active). Publishing a published product changes nothing. */
    async publish(ctx: Ctx, id: string): Promise<AdminProductDto> {
      requireStaff(ctx);
      const product = await loadProduct(ctx, id);
      if (product.status !== 'published') {
        const selling = await repo.variantsOf(ctx.db, [id], { onSaleOnly: true });
        if (selling.length === 0) throw new AppError('store.no_active_variant');
        const now = ctx.now();
        await repo.updateProduct(ctx.db, id, { status: 'published', publishedAt: now, updatedAt: now });
      }
      return adminDto(ctx, id);
    },

    /** Off the fan store at once, on every route. */
    async unpublish(ctx: Ctx, id: string): Promise<AdminProductDto> {
      requireStaff(ctx);
      const product = await loadProduct(ctx, id);
      if (product.status !== 'unpublished') await repo.updateProduct(ctx.db, id, { status: 'unpublished', updatedAt: ctx.now() });
      return adminDto(ctx, id);
    },

    /** Only an unpublished product none of whose variants was ordered (order lines keep them: unpublish it instead). */
    async remove(ctx: Ctx, id: string): Promise<void> {
      requireStaff(ctx);
      const product = await loadProduct(ctx, id);
      if (product.status === 'published') throw new AppError('store.product_published');
      try {
        await repo.deleteProduct(ctx.db, id);
      } catch (err) {
        if (isForeignKeyViolation(err)) throw new AppError('store.product_ordered');
        throw err;
      }
    },

    async addVariant(ctx: Ctx, productId: string, input: VariantInput): Promise<AdminVariantDto> {
      requireStaff(ctx);
      await loadProduct(ctx, productId);
      await checkSkus(ctx, [{ sku: input.sku, path: 'sku' }]);
      checkCurrency(await repo.variantsOf(ctx.db, [productId], { onSaleOnly: false }), input.price.currency, 'price.currency');
      const row = await write(ctx, { sku: input.sku }, async (tx) => {
        const now = tx.now();
        const position = await repo.nextVariantPosition(tx.db, productId);
        const [created] = await repo.insertVariants(tx.db, [{ id: newId(), productId, ...variantColumns(input), position, createdAt: now, updatedAt: now }]);
        await touch(tx, productId);
        return created!;
      });
      return toAdminVariantDto(row);
    },

    /**
     * Replaces a variant's fields. Stock is the on-hand count: it may not go below what checkouts
     * hold (`store.stock_below_reserved`). An archived variant is kept as its orders knew it.
     */
    async updateVariant(ctx: Ctx, id: string, input: VariantInput): Promise<AdminVariantDto> {
      requireStaff(ctx);
      const current = await loadVariant(ctx, id);
      if (current.archivedAt) throw new AppError('store.variant_archived');
      await checkSkus(ctx, [{ sku: input.sku, path: 'sku' }], id);
      checkCurrency(await repo.variantsOf(ctx.db, [current.productId], { onSaleOnly: false }), input.price.currency, 'price.currency', id);
      const row = await write(ctx, { sku: input.sku }, async (tx) => {
        const updated = await repo.updateVariant(tx.db, id, { ...variantColumns(input), updatedAt: tx.now() });
        if (updated) await touch(tx, updated.productId);
        return updated;
      });
      if (row) return toAdminVariantDto(row);
      const now = await loadVariant(ctx, id);
      if (now.archivedAt) throw new AppError('store.variant_archived');
      throw new AppError(
        'store.stock_below_reserved',
        { reserved: now.reserved },
        { details: [{ path: 'stock', issue: 'too_small', params: { minimum: now.reserved }, message: `must be at least ${now.reserved}` }] },
      );
    },

    /** Deletes a variant never ordered; one that was (order lines refer to it) is archived instead: kept, no longer sold. */
    async removeVariant(ctx: Ctx, id: string): Promise<DeleteVariantResult> {
      requireStaff(ctx);
      const variant = await loadVariant(ctx, id);
      try {
        await inTransaction(ctx, async (tx) => {
          await repo.deleteVariant(tx.db, id);
          await touch(tx, variant.productId);
        });
        return { result: 'deleted', variant: null };
      } catch (err) {
        if (!isForeignKeyViolation(err)) throw err;
      }
      const archived = await inTransaction(ctx, async (tx) => {
        const row = await repo.archiveVariant(tx.db, id, tx.now());
        await touch(tx, variant.productId);
        return row;
      });
      if (!archived) throw new AppError('store.variant_not_found');
      return { result: 'archived', variant: toAdminVariantDto(archived) };
    },

    // ——— Fans and visitors ———
    /** Published products, newest first, with this reader's prices; by category (slug) and title search. */
    async shelf(ctx: Ctx, q: StoreListQuery): Promise<Page<StoreProductSummaryDto>> {
      let categoryId: string | undefined;
      if (q.category) {
        const category = await repo.findCategoryBySlug(ctx.db, q.category);
        if (!category) throw new AppError('store.category_not_found');
        categoryId = category.id;
      }
      const { rows, total } = await repo.listPublished(ctx.db, { categoryId, q: q.q, limit: q.pageSize, offset: offsetOf(q) });
      const shelf = await shelfOf(ctx, rows);
      return {
        items: rows.map((r) => toStoreProductSummaryDto(r, shelf.variantsOf(r.id), shelf.categoriesOf(r.id), shelf.discounts)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** One published product by its slug, with its variants on sale and this reader's prices; an unpublished one is not found. */
    async product(ctx: Ctx, slug: string): Promise<StoreProductDto> {
      const row = await repo.findPublishedBySlug(ctx.db, slug);
      if (!row) throw new AppError('store.product_not_found');
      const shelf = await shelfOf(ctx, [row]);
      return toStoreProductDto(row, shelf.variantsOf(row.id), shelf.categoriesOf(row.id), shelf.discounts);
    },
  };
}
export type StoreService = ReturnType<typeof createStoreService>;
