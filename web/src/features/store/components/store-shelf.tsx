import { Alert, Card, Empty, Flex, Grid, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { useErrorText } from '../../../lib/use-api-error';
import { useStoreCategories } from '../api/get-store-categories';
import { useStoreProducts } from '../api/get-store-products';
import { CategoryChips } from './category-chips';
import { ProductCard } from './product-card';
import { SearchBox } from './search-box';

interface StoreShelfProps {
  category: string | undefined;
  q: string;
  page: number;
  pageSize: number;
  onChange: (patch: { category?: string | null; q?: string | null; page?: number | null }) => void;
}

/** The store: category chips, a search, and the published products in a grid (two across on a phone), a page at a time. */
export function StoreShelf({ category, q, page, pageSize, onChange }: StoreShelfProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const itemRender = usePageItemRender();
  const errorText = useErrorText();
  const categories = useStoreCategories();
  const products = useStoreProducts({ category, q: q || undefined, page, pageSize });
  const columns = screens.md ? 4 : screens.sm ? 3 : 2;
  const grid = { display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: screens.sm ? 16 : 10 };

  let body;
  if (products.isPending) {
    body = (
      <div style={grid}>
        {Array.from({ length: columns * 2 }, (_, i) => (
          <Card key={i} styles={{ body: { padding: 12 } }}>
            <Skeleton active title={false} paragraph={{ rows: 3 }} />
          </Card>
        ))}
      </div>
    );
  } else if (products.isError) {
    body = <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(products.error)} />;
  } else if (products.data.items.length === 0) {
    body = (
      <Card>
        <Empty description={q || category ? t('storeSite.emptyFiltered') : page > 1 ? t('storeSite.pageEmpty') : t('storeSite.empty')} />
      </Card>
    );
  } else {
    body = (
      <Flex vertical gap={20} style={{ opacity: products.isPlaceholderData ? 0.6 : 1 }}>
        <div style={grid} data-testid="product-grid">
          {products.data.items.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
        {products.data.total > pageSize ? (
          <Flex justify="center">
            <Pagination
              current={products.data.page}
              pageSize={pageSize}
              total={products.data.total}
              showSizeChanger={false}
              itemRender={itemRender}
              onChange={(next) => {
                onChange({ page: next > 1 ? next : null });
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          </Flex>
        ) : null}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={12}>
        <SearchBox value={q} onSearch={(next) => onChange({ q: next || null, page: null })} placeholder={t('storeSite.search')} testId="store-search" />
        <CategoryChips categories={categories.data ?? []} value={category} onChange={(slug) => onChange({ category: slug ?? null, page: null })} />
      </Flex>
      {body}
    </Flex>
  );
}
