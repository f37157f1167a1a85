import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PlusOutlined } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { useAdminProducts } from '../../../features/store/api/get-admin-products';
import { useCategories } from '../../../features/store/api/get-categories';
import { CategoriesTable } from '../../../features/store/components/categories-table';
import { CategoryModal } from '../../../features/store/components/category-modal';
import { ProductsFilters } from '../../../features/store/components/products-filters';
import { ProductsTable } from '../../../features/store/components/products-table';
import { PRODUCT_STATUSES, type StoreCategory } from '../../../features/store/types';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

const TABS = ['products', 'categories'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The store's catalogue: products (filtered, paged) and categories, each a tab; the tab and filters live in the URL. */
export function StorePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  useDocumentTitle(t('nav.store'), 'Fanbase');
  const tab = oneOf(TABS, params.get('tab')) ?? 'products';
  const status = oneOf(PRODUCT_STATUSES, params.get('status'));
  const categoryParam = params.get('category');
  const categoryId = categoryParam && UUID.test(categoryParam) ? categoryParam : undefined;
  const q = params.get('q')?.trim().slice(0, 100) || undefined;
  const lowStock = params.get('lowStock') === 'true';
  const products = useAdminProducts({ status, categoryId, q, lowStock: lowStock || undefined, page, pageSize });
  const categories = useCategories();
  const [modal, setModal] = useState<{ open: boolean; category?: StoreCategory }>({ open: false });

  return (
    <>
      <PageHeader
        title={t('nav.store')}
        subtitle={t('store.subtitle')}
        extra={
          tab === 'products' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/console/store/products/new')} data-testid="new-product">
              {t('store.newProduct')}
            </Button>
          ) : (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true })} data-testid="new-category">
              {t('store.categories.new')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'products' ? null : (oneOf(TABS, key) ?? null) })}
          items={[
            {
              key: 'products',
              label: t('store.tabs.products'),
              children: (
                <Flex vertical gap={16}>
                  <ProductsFilters
                    status={status}
                    categoryId={categoryId}
                    q={q}
                    lowStock={lowStock}
                    categories={categories.data ?? []}
                    onChange={(patch) =>
                      update({
                        status: patch.status,
                        category: patch.categoryId,
                        q: patch.q,
                        lowStock: patch.lowStock === undefined ? undefined : patch.lowStock ? 'true' : null,
                        page: null,
                      })
                    }
                  />
                  {products.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(products.error)} /> : null}
                  <ProductsTable
                    data={products.data}
                    loading={products.isFetching}
                    filtered={Boolean(status || categoryId || q || lowStock)}
                    onPageChange={onPageChange}
                    productHref={(product) => `/console/store/products/${product.id}`}
                  />
                </Flex>
              ),
            },
            {
              key: 'categories',
              label: t('store.tabs.categories'),
              children: <CategoriesTable onCreate={() => setModal({ open: true })} onEdit={(category) => setModal({ open: true, category })} />,
            },
          ]}
          data-testid="store-tabs"
        />
      </Card>
      <CategoryModal open={modal.open} category={modal.category} onClose={() => setModal((m) => ({ ...m, open: false }))} />
    </>
  );
}
