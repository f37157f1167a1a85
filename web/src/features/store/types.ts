import type {
  AdminProductDto,
  AdminVariantDto,
  CategoryDto,
  DeleteVariantResult,
  StoreCategoryDto,
  StoreProductDto,
  StoreProductSummaryDto,
  StoreVariantDto,
} from '@server/modules/store/store.schemas.ts';

export const PRODUCT_STATUSES = ['unpublished', 'published'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A variant whose available stock is at most this is low on stock (the server's default). */
export const LOW_STOCK_AT = 5;

/** A product as staff see it: details, every variant (inactive and archived too), price range and stock. */
export type AdminProduct = AdminProductDto;
export type AdminVariant = AdminVariantDto;
export type StoreCategory = CategoryDto;
export type VariantRemoval = DeleteVariantResult;

/** A published product on the fan store, priced for the reader. */
export type ShelfProduct = StoreProductSummaryDto;
export type ShelfProductDetail = StoreProductDto;
export type ShelfVariant = StoreVariantDto;
/** A category holding published products (fan store filter). */
export type ShelfCategory = StoreCategoryDto;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminProductListParams {
  status?: ProductStatus;
  categoryId?: string;
  q?: string;
  lowStock?: boolean;
  page: number;
  pageSize: number;
}

export interface ProductImageInput {
  url: string;
  alt: string;
}

export interface ProductInput {
  title: string;
  slug: string;
  descriptionMarkdown: string;
  images: ProductImageInput[];
  categoryIds: string[];
}

export interface VariantInput {
  sku: string;
  name: string;
  options: { name: string; value: string }[];
  price: { amountMinor: number; currency: string };
  stock: number;
  weightGrams: number;
  active: boolean;
}

export interface CategoryInput {
  name: string;
  slug: string;
  position: number;
}
