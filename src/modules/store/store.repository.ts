import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { storeCategories, storeProductCategories, storeProducts, storeVariants, type ProductImage, type ProductStatus } from './store.table.ts';

export type ProductRow = typeof storeProducts.$inferSelect;
export type VariantRow = typeof storeVariants.$inferSelect;
export type CategoryRow = typeof storeCategories.$inferSelect;
export type ProductCategoryRow = { productId: string; id: string; slug: string; name: string };
/** A variant as a cart or an order line reads it: its product, price, what is available, and whether fans can buy it. */
export type SaleableVariantRow = {
  variantId: string;
  productId: string;
  productSlug: string;
  productTitle: string;
  variantName: string;
  sku: string;
  image: ProductImage | null;
  priceMinor: number;
  currency: string;
  available: number;
  /** Published product, active and not archived variant. */
  onSale: boolean;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** On sale to fans: active and not archived. */
const onSale = and(eq(storeVariants.active, true), isNull(storeVariants.archivedAt));

const inCategory = (categoryId: string) =>
  inArray(
    storeProducts.id,
    sql`(select ${storeProductCategories.productId} from ${storeProductCategories} where ${storeProductCategories.categoryId} = ${categoryId})`,
  );

async function pageOfProducts(db: Db, where: SQL | undefined, order: SQL[], limit: number, offset: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(storeProducts)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(storeProducts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const storeRepository = {
  // ——— Products ———
  async insertProduct(db: Db, row: typeof storeProducts.$inferInsert): Promise<ProductRow> {
    const [created] = await db.insert(storeProducts).values(row).returning();
    return created!;
  },
  async updateProduct(db: Db, id: string, patch: Partial<typeof storeProducts.$inferInsert>): Promise<ProductRow | undefined> {
    const [row] = await db.update(storeProducts).set(patch).where(eq(storeProducts.id, id)).returning();
    return row;
  },
  async findProduct(db: Db, id: string): Promise<ProductRow | undefined> {
    const [row] = await db.select().from(storeProducts).where(eq(storeProducts.id, id)).limit(1);
    return row;
  },
  /** Any status (store_products_slug_key). */
  async findProductBySlug(db: Db, slug: string): Promise<ProductRow | undefined> {
    const [row] = await db.select().from(storeProducts).where(eq(storeProducts.slug, slug)).limit(1);
    return row;
  },
  async findPublishedBySlug(db: Db, slug: string): Promise<ProductRow | undefined> {
    const [row] = await db
      .select()
      .from(storeProducts)
      .where(and(eq(storeProducts.slug, slug), eq(storeProducts.status, 'published')))
      .limit(1);
    return row;
  },
  async deleteProduct(db: Db, id: string): Promise<void> {
    await db.delete(storeProducts).where(eq(storeProducts.id, id));
  },
  /**
   * The console list, last edited first (store_products_updated_idx). The title and SKU search is
   * a scan: a store's catalogue is thousands of rows, not millions.
   */
  listProducts(db: Db, f: { status?: ProductStatus; categoryId?: string; q?: string; lowStockAt?: number; limit: number; offset: number }) {
    const conds: SQL[] = [];
    if (f.status) conds.push(eq(storeProducts.status, f.status));
    if (f.categoryId) conds.push(inCategory(f.categoryId));
    if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      conds.push(
        or(
          ilike(storeProducts.title, pattern),
          sql`exists (select 1 from ${storeVariants} where ${storeVariants.productId} = ${storeProducts.id} and ${storeVariants.sku} ilike ${pattern})`,
        )!,
      );
    }
    if (f.lowStockAt !== undefined) {
      conds.push(sql`exists (select 1 from ${storeVariants} where ${storeVariants.productId} = ${storeProducts.id}
        and ${storeVariants.active} and ${storeVariants.archivedAt} is null and ${storeVariants.stock} - ${storeVariants.reserved} <= ${f.lowStockAt})`);
    }
    return pageOfProducts(db, conds.length ? and(...conds) : undefined, [desc(storeProducts.updatedAt), desc(storeProducts.id)], f.limit, f.offset);
  },
  /** The fan store: published, newest first (store_products_shelf_idx). */
  listPublished(db: Db, f: { categoryId?: string; q?: string; limit: number; offset: number }) {
    const conds: SQL[] = [eq(storeProducts.status, 'published')];
    if (f.categoryId) conds.push(inCategory(f.categoryId));
    if (f.q) conds.push(ilike(storeProducts.title, `%${escapeLike(f.q)}%`));
    return pageOfProducts(db, and(...conds), [desc(storeProducts.publishedAt), desc(storeProducts.id)], f.limit, f.offset);
  },

  // ——— Variants ———
  /** These products' variants, in their order (store_variants_product_idx); `onSaleOnly` leaves out inactive and archived ones. */
  variantsOf(db: Db, productIds: string[], opts: { onSaleOnly: boolean }): Promise<VariantRow[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    const where = opts.onSaleOnly ? and(inArray(storeVariants.productId, productIds), onSale) : inArray(storeVariants.productId, productIds);
    return db
      .select()
      .from(storeVariants)
      .where(where)
      .orderBy(asc(storeVariants.productId), asc(storeVariants.position), asc(storeVariants.createdAt), asc(storeVariants.id));
  },
  async findVariant(db: Db, id: string): Promise<VariantRow | undefined> {
    const [row] = await db.select().from(storeVariants).where(eq(storeVariants.id, id)).limit(1);
    return row;
  },
  /** The variants holding any of these SKUs, whatever their case (store_variants_sku_key). */
  variantsBySku(db: Db, skus: string[]): Promise<VariantRow[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(storeVariants)
      .where(
        inArray(
          sql`lower(${storeVariants.sku})`,
          skus.map((s) => s.toLowerCase()),
        ),
      );
  },
  async insertVariants(db: Db, rows: (typeof storeVariants.$inferInsert)[]): Promise<VariantRow[]> {
    if (rows.length === 0) return [];
    return db.insert(storeVariants).values(rows).returning();
  },
  async nextVariantPosition(db: Db, productId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(${storeVariants.position}) + 1, 0)`.mapWith(Number) })
      .from(storeVariants)
      .where(eq(storeVariants.productId, productId));
    return row?.n ?? 0;
  },
  /**
   * Edits a variant that is not archived. The new stock applies only if it still covers what
   * checkouts hold (checked in the same statement as the write, so a reservation committed in
   * between is seen): no row back means archived, gone, or below `reserved`.
   */
  async updateVariant(db: Db, id: string, patch: Partial<typeof storeVariants.$inferInsert> & { stock: number }): Promise<VariantRow | undefined> {
    const [row] = await db
      .update(storeVariants)
      .set(patch)
      .where(and(eq(storeVariants.id, id), isNull(storeVariants.archivedAt), sql`${storeVariants.reserved} <= ${patch.stock}`))
      .returning();
    return row;
  },
  /** These variants with their products, in any state (primary keys; one query). */
  async saleable(db: Db, variantIds: string[]): Promise<SaleableVariantRow[]> {
    if (variantIds.length === 0) return [];
    const rows = await db
      .select({ v: storeVariants, p: { slug: storeProducts.slug, title: storeProducts.title, images: storeProducts.images, status: storeProducts.status } })
      .from(storeVariants)
      .innerJoin(storeProducts, eq(storeProducts.id, storeVariants.productId))
      .where(inArray(storeVariants.id, variantIds));
    return rows.map(({ v, p }) => ({
      variantId: v.id,
      productId: v.productId,
      productSlug: p.slug,
      productTitle: p.title,
      variantName: v.name,
      sku: v.sku,
      image: p.images[0] ?? null,
      priceMinor: v.priceMinor,
      currency: v.currency,
      available: Math.max(0, v.stock - v.reserved),
      onSale: p.status === 'published' && v.active && v.archivedAt === null,
    }));
  },
  async archiveVariant(db: Db, id: string, at: Date): Promise<VariantRow | undefined> {
    const [row] = await db.update(storeVariants).set({ archivedAt: at, active: false, updatedAt: at }).where(eq(storeVariants.id, id)).returning();
    return row;
  },
  async deleteVariant(db: Db, id: string): Promise<void> {
    await db.delete(storeVariants).where(eq(storeVariants.id, id));
  },

  // ——— Categories ———
  async insertCategory(db: Db, row: typeof storeCategories.$inferInsert): Promise<CategoryRow> {
    const [created] = await db.insert(storeCategories).values(row).returning();
    return created!;
  },
  async updateCategory(db: Db, id: string, patch: Partial<typeof storeCategories.$inferInsert>): Promise<CategoryRow | undefined> {
    const [row] = await db.update(storeCategories).set(patch).where(eq(storeCategories.id, id)).returning();
    return row;
  },
  async findCategory(db: Db, id: string): Promise<CategoryRow | undefined> {
    const [row] = await db.select().from(storeCategories).where(eq(storeCategories.id, id)).limit(1);
    return row;
  },
  async findCategoryBySlug(db: Db, slug: string): Promise<CategoryRow | undefined> {
    const [row] = await db.select().from(storeCategories).where(eq(storeCategories.slug, slug)).limit(1);
    return row;
  },
  findCategories(db: Db, ids: string[]): Promise<CategoryRow[]> {
    return ids.length ? db.select().from(storeCategories).where(inArray(storeCategories.id, ids)) : Promise.resolve([]);
  },
  async deleteCategory(db: Db, id: string): Promise<void> {
    await db.delete(storeCategories).where(eq(storeCategories.id, id));
  },
  /** Every category with how many products it holds (`publishedOnly`: published ones, leaving out empty categories). */
  listCategories(db: Db, opts: { publishedOnly: boolean }) {
    const products = opts.publishedOnly
      ? sql<number>`count(${storeProducts.id}) filter (where ${storeProducts.status} = 'published')`.mapWith(Number)
      : sql<number>`count(${storeProducts.id})`.mapWith(Number);
    const query = db
      .select({ category: storeCategories, products })
      .from(storeCategories)
      .leftJoin(storeProductCategories, eq(storeProductCategories.categoryId, storeCategories.id))
      .leftJoin(storeProducts, eq(storeProducts.id, storeProductCategories.productId))
      .groupBy(storeCategories.id)
      .orderBy(asc(storeCategories.position), asc(storeCategories.name), asc(storeCategories.id));
    return opts.publishedOnly ? query.having(sql`count(${storeProducts.id}) filter (where ${storeProducts.status} = 'published') > 0`) : query;
  },
  /** These products' categories, in the categories' order (store_product_categories primary key). */
  categoriesOf(db: Db, productIds: string[]): Promise<ProductCategoryRow[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return db
      .select({ productId: storeProductCategories.productId, id: storeCategories.id, slug: storeCategories.slug, name: storeCategories.name })
      .from(storeProductCategories)
      .innerJoin(storeCategories, eq(storeCategories.id, storeProductCategories.categoryId))
      .where(inArray(storeProductCategories.productId, productIds))
      .orderBy(asc(storeCategories.position), asc(storeCategories.name), asc(storeCategories.id));
  },
  async setProductCategories(db: Db, productId: string, categoryIds: string[]): Promise<void> {
    await db.delete(storeProductCategories).where(eq(storeProductCategories.productId, productId));
    if (categoryIds.length) await db.insert(storeProductCategories).values(categoryIds.map((categoryId) => ({ productId, categoryId })));
  },
};
export type StoreRepository = typeof storeRepository;
