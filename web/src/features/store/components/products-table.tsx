import { Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { RouterLink } from '../../../components/ui/router-link';
import { serverPagination } from '../../../components/ui/server-pagination';
import { useDateFormat } from '../../../lib/format-date';
import type { AdminProduct, Page } from '../types';
import { ProductImage } from './product-image';
import { ProductStatusTag, StockTag } from './product-tags';
import { usePriceRangeText } from './use-price-text';

interface ProductsTableProps {
  data: Page<AdminProduct> | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  /** The product's editor: the title links there, and a click anywhere on the row opens it. */
  productHref: (product: AdminProduct) => string;
}

/** Server-paginated products: picture, title, status, price range, stock on hand and a low-stock tag. */
export function ProductsTable({ data, loading, filtered, onPageChange, productHref }: ProductsTableProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { date } = useDateFormat();
  const priceText = usePriceRangeText();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const itemRender = usePageItemRender();

  const columns: TableColumnsType<AdminProduct> = [
    {
      title: t('store.columns.image'),
      key: 'image',
      width: 64,
      render: (_, product) => <ProductImage url={product.images[0]?.url} alt="" style={{ width: 40, height: 40 }} iconSize={16} />,
    },
    {
      title: t('store.columns.title'),
      dataIndex: 'title',
      render: (_, product) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: product.title }}>
            <RouterLink to={productHref(product)} testId="product-link">
              {product.title}
            </RouterLink>
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            /store/{product.slug}
            {product.categories.length ? ` · ${product.categories.map((c) => c.name).join(', ')}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('store.columns.status'), dataIndex: 'status', width: 110, render: (_, p) => <ProductStatusTag status={p.status} /> },
    {
      title: t('store.columns.price'),
      key: 'price',
      width: 170,
      render: (_, p) => (p.priceRange ? priceText(p.priceRange) : <Typography.Text type="secondary">{t('store.noVariantOnSale')}</Typography.Text>),
    },
    {
      title: t('store.columns.stock'),
      key: 'stock',
      width: 150,
      render: (_, p) => (
        <Flex gap={8} align="center" wrap>
          <span data-testid="product-stock">{number.format(p.stockTotal)}</span>
          {p.priceRange ? <StockTag lowStock={p.lowStock} stockTotal={p.stockTotal} /> : null}
        </Flex>
      ),
    },
    {
      title: t('store.columns.variants'),
      key: 'variants',
      width: 90,
      align: 'right',
      render: (_, p) => number.format(p.variants.filter((v) => !v.archivedAt).length),
    },
    { title: t('store.columns.updatedAt'), dataIndex: 'updatedAt', width: 120, render: (value: string) => date(value) },
  ];

  const pagination = serverPagination(data, onPageChange, (total) => t('store.paginationTotal', { count: total }));

  return (
    <div data-testid="products-table">
      <Table<AdminProduct>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{ ...pagination, itemRender }}
        size="middle"
        scroll={{ x: 900 }}
        onRow={(product) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) void navigate(productHref(product));
          },
          style: { cursor: 'pointer' },
          ...{ 'data-testid': 'product-row' },
        })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('store.emptyFiltered') : t('store.empty')} />,
        }}
      />
    </div>
  );
}
