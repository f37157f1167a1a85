import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { asConflict, categorySlugTaken } from './store-conflicts.ts';
import type { StoreRepository } from './store.repository.ts';
import { toCategoryDto, type CategoryDto, type CategoryInput, type StoreCategoryDto } from './store.schemas.ts';

/** The store's categories: staff keep them; fans filter the store by the ones holding published products. */
export function createStoreCategoriesService(deps: { repo: StoreRepository }) {
  const { repo } = deps;

  async function checkSlug(ctx: Ctx, slug: string, self?: string) {
    const other = await repo.findCategoryBySlug(ctx.db, slug);
    if (other && other.id !== self) throw categorySlugTaken(slug);
  }
  async function withCount(ctx: Ctx, id: string): Promise<CategoryDto> {
    const found = (await repo.listCategories(ctx.db, { publishedOnly: false })).find((c) => c.category.id === id);
    if (!found) throw new AppError('store.category_not_found');
    return toCategoryDto(found.category, found.products);
  }

  return {
    /** Every category, in the store's order, with how many products (any status) are in it. */
    async list(ctx: Ctx): Promise<CategoryDto[]> {
      requireStaff(ctx);
      return (await repo.listCategories(ctx.db, { publishedOnly: false })).map((c) => toCategoryDto(c.category, c.products));
    },

    async create(ctx: Ctx, input: CategoryInput): Promise<CategoryDto> {
      requireStaff(ctx);
      await checkSlug(ctx, input.slug);
      const now = ctx.now();
      try {
        const row = await repo.insertCategory(ctx.db, { id: newId(), ...input, createdAt: now, updatedAt: now });
        return toCategoryDto(row, 0);
      } catch (err) {
        throw asConflict(err, { slug: input.slug });
      }
    },

    async update(ctx: Ctx, id: string, input: CategoryInput): Promise<CategoryDto> {
      requireStaff(ctx);
      if (!(await repo.findCategory(ctx.db, id))) throw new AppError('store.category_not_found');
      await checkSlug(ctx, input.slug, id);
      try {
        await repo.updateCategory(ctx.db, id, { ...input, updatedAt: ctx.now() });
      } catch (err) {
        throw asConflict(err, { slug: input.slug });
      }
      return withCount(ctx, id);
    },

    /** Its products stay, without this category. */
    async remove(ctx: Ctx, id: string): Promise<void> {
      requireStaff(ctx);
      if (!(await repo.findCategory(ctx.db, id))) throw new AppError('store.category_not_found');
      await repo.deleteCategory(ctx.db, id);
    },

    /** The fan store's filter: categories holding a published product, with how many (unpublished ones are not counted). */
    async shelf(ctx: Ctx): Promise<StoreCategoryDto[]> {
      return (await repo.listCategories(ctx.db, { publishedOnly: true })).map((c) => ({
        id: c.category.id,
        slug: c.category.slug,
        name: c.category.name,
        products: c.products,
      }));
    },
  };
}
export type StoreCategoriesService = ReturnType<typeof createStoreCategoriesService>;
