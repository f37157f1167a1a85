import type { AdminProduct, ProductInput } from '../types';

/** The product editor's fields. */
export interface ProductFormValues {
  title: string;
  slug: string;
  descriptionMarkdown: string;
  images: { url: string; alt?: string }[];
  categoryIds: string[];
}

export const MAX_IMAGES = 10;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A slug from a title: lower-case Latin letters and digits joined by hyphens ("Festival Tee
 * 2026" → "festival-tee-2026"). Empty when the title has none (a Chinese title): staff type one.
 */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function toFormValues(product: AdminProduct | undefined): ProductFormValues {
  return {
    title: product?.title ?? '',
    slug: product?.slug ?? '',
    descriptionMarkdown: product?.descriptionMarkdown ?? '',
    images: product?.images.map((image) => ({ url: image.url, alt: image.alt })) ?? [],
    categoryIds: product?.categories.map((category) => category.id) ?? [],
  };
}

export function toProductInput(values: ProductFormValues): ProductInput {
  return {
    title: values.title.trim(),
    slug: values.slug.trim(),
    descriptionMarkdown: values.descriptionMarkdown ?? '',
    images: (values.images ?? []).filter((image) => image?.url?.trim()).map((image) => ({ url: image.url.trim(), alt: (image.alt ?? '').trim() })),
    categoryIds: values.categoryIds ?? [],
  };
}

/** Whether the fields differ from the saved product (a new one: anything typed). */
export function hasChanges(values: Partial<ProductFormValues>, product: AdminProduct | undefined): boolean {
  const now = toProductInput({ ...toFormValues(undefined), ...values } as ProductFormValues);
  const saved = toProductInput(toFormValues(product));
  return JSON.stringify(now) !== JSON.stringify(saved);
}
