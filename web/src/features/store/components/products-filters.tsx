import { Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRODUCT_STATUSES, type ProductStatus, type StoreCategory } from '../types';
import { useProductStatusLabel } from './product-tags';
import { SearchBox } from './search-box';

export interface ProductFilters {
  status?: ProductStatus;
  categoryId?: string;
  q?: string;
  lowStock: boolean;
}

interface ProductsFiltersProps extends ProductFilters {
  categories: StoreCategory[];
  onChange: (patch: { status?: ProductStatus | null; categoryId?: string | null; q?: string | null; lowStock?: boolean }) => void;
}

/** Status, category, title or SKU search, and "low stock only" over the console's product list. */
export function ProductsFilters({ status, categoryId, q, lowStock, categories, onChange }: ProductsFiltersProps) {
  const { t } = useTranslation();
  const statusLabel = useProductStatusLabel();

  return (
    <Flex wrap gap={12} align="center">
      <SearchBox
        value={q ?? ''}
        onSearch={(value) => onChange({ q: value || null })}
        placeholder={t('store.searchProducts')}
        style={{ width: 260, maxWidth: '100%' }}
        testId="products-search"
      />
      <Select<ProductStatus>
        allowClear
        value={status}
        onChange={(value) => onChange({ status: value ?? null })}
        placeholder={t('store.allStatuses')}
        options={PRODUCT_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
        style={{ width: 160 }}
        aria-label={t('store.columns.status')}
        data-testid="products-status-filter"
      />
      <Select<string>
        allowClear
        value={categoryId}
        onChange={(value) => onChange({ categoryId: value ?? null })}
        placeholder={t('store.allCategories')}
        options={categories.map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 180 }}
        aria-label={t('store.fields.categories')}
        data-testid="products-category-filter"
      />
      <Checkbox checked={lowStock} onChange={(event) => onChange({ lowStock: event.target.checked })} data-testid="products-low-stock">
        {t('store.lowStockOnly')}
      </Checkbox>
    </Flex>
  );
}
