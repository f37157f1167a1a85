import { toMajor, toMinor } from '../../../lib/format-money';
import type { AdminVariant, VariantInput } from '../types';

/** One row of the variants table while it is edited. */
export interface VariantFormValues {
  sku: string;
  name: string;
  /** "Colour: Black, Size: M". */
  options: string;
  price: number | null;
  stock: number | null;
  weightGrams: number | null;
  active: boolean;
}

/** "Colour: Black, Size: M" (commas and colons in either width) → option pairs; null when a part has no name or value. */
export function parseOptions(text: string): { name: string; value: string }[] | null {
  const parts = text
    .split(/[,，;；]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const options = parts.map((part) => {
    const [name, ...rest] = part.split(/[:：]/);
    return { name: (name ?? '').trim(), value: rest.join(':').trim() };
  });
  return options.every((o) => o.name && o.value) ? options : null;
}

export const optionsText = (options: { name: string; value: string }[], separator = ', ') => options.map((o) => `${o.name}: ${o.value}`).join(separator);

export function toVariantFormValues(variant: AdminVariant | undefined, currency: string): VariantFormValues {
  return {
    sku: variant?.sku ?? '',
    name: variant?.name ?? '',
    options: variant ? optionsText(variant.options) : '',
    price: variant ? toMajor(variant.price.amountMinor, currency) : null,
    stock: variant?.stock ?? 0,
    weightGrams: variant?.weightGrams ?? 0,
    active: variant?.active ?? true,
  };
}

export function toVariantInput(values: VariantFormValues, currency: string): VariantInput {
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    options: parseOptions(values.options ?? '') ?? [],
    price: { amountMinor: toMinor(values.price ?? 0, currency), currency },
    stock: values.stock ?? 0,
    weightGrams: values.weightGrams ?? 0,
    active: values.active,
  };
}
