import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from '../types';

const STATUS_LABELS = { unpublished: 'store.status.unpublished', published: 'store.status.published' } as const satisfies Record<ProductStatus, string>;

export function useProductStatusLabel() {
  const { t } = useTranslation();
  return (status: ProductStatus): string => t(STATUS_LABELS[status]);
}

/** Published (on the fan store) or unpublished. */
export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const label = useProductStatusLabel();
  return (
    <Tag color={status === 'published' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="product-status">
      {label(status)}
    </Tag>
  );
}

/** Out of stock (nothing available) or low on stock. */
export function StockTag({ lowStock, stockTotal }: { lowStock: boolean; stockTotal: number }) {
  const { t } = useTranslation();
  if (stockTotal === 0)
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="low-stock">
        {t('store.outOfStock')}
      </Tag>
    );
  return lowStock ? (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="low-stock">
      {t('store.lowStock')}
    </Tag>
  ) : null;
}
