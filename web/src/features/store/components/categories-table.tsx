import { Alert, App, Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeleteOutlined, EditOutlined } from '../../../components/ui/icons';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useCategories } from '../api/get-categories';
import { useDeleteCategory } from '../api/delete-category';
import type { StoreCategory } from '../types';

interface CategoriesTableProps {
  onCreate: () => void;
  onEdit: (category: StoreCategory) => void;
}

/** The store's categories in the order fans see them, with how many products each holds. */
export function CategoriesTable({ onCreate, onEdit }: CategoriesTableProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const categories = useCategories();
  const remove = useDeleteCategory();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const columns: TableColumnsType<StoreCategory> = [
    { title: t('store.categories.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('store.fields.slug'), dataIndex: 'slug', render: (slug: string) => <Typography.Text code>{slug}</Typography.Text> },
    { title: t('store.categories.position'), dataIndex: 'position', width: 100, align: 'right' },
    { title: t('store.categories.products'), dataIndex: 'products', width: 110, align: 'right', render: (n: number) => number.format(n) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, category) => (
        <Flex gap={4}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(category)} data-testid={`category-edit-${category.slug}`}>
            {t('store.categories.edit')}
          </Button>
          <Popconfirm
            title={t('store.categories.deleteTitle', { name: category.name })}
            description={t('store.categories.deleteBody', { count: category.products })}
            okText={t('store.categories.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(category.id);
                void message.success(t('store.categories.deleted', { name: category.name }));
              } catch (error) {
                showError(error);
              }
            }}
          >
            {/* Icon only (named for screen readers): antd's red text on white is below 4.5:1. */}
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('store.categories.deleteLabel', { name: category.name })}
              data-testid={`category-delete-${category.slug}`}
            />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  if (categories.isError) return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(categories.error)} />;
  return (
    <Table<StoreCategory>
      rowKey="id"
      columns={columns}
      dataSource={categories.data ?? []}
      loading={categories.isFetching}
      pagination={false}
      size="middle"
      scroll={{ x: 640 }}
      data-testid="categories-table"
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.categories.empty')}>
            <Button type="primary" onClick={onCreate}>
              {t('store.categories.new')}
            </Button>
          </Empty>
        ),
      }}
    />
  );
}
