import { Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '../../../components/ui/icons';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { useAddFestivalItem } from '../api/add-festival-item';
import { useRemoveFestivalItem } from '../api/remove-festival-item';
import { useUpdateFestivalItem } from '../api/update-festival-item';
import type { AdminFestival, AdminFestivalItem } from '../types';
import { FestivalItemModal } from './festival-item-modal';

/** The festival's items: SKU, list and festival price, quota, per-fan limit, stock left in the store; add, edit, remove while allowed. */
export function FestivalItemsCard({ festival, editable }: { festival: AdminFestival; editable: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const showError = useApiError();
  const add = useAddFestivalItem();
  const update = useUpdateFestivalItem();
  const remove = useRemoveFestivalItem();
  const [modal, setModal] = useState<{ open: boolean; item?: AdminFestivalItem }>({ open: false });

  const save = async ({ variantId, terms }: { variantId?: string; terms: Parameters<typeof update.mutateAsync>[0]['terms'] }) => {
    try {
      if (modal.item) await update.mutateAsync({ id: festival.id, itemId: modal.item.id, terms });
      else await add.mutateAsync({ id: festival.id, variantId: variantId!, terms });
      setModal({ open: false });
    } catch (err) {
      showError(err);
      throw err;
    }
  };

  return (
    <Card
      title={t('festival.items.title')}
      extra={
        editable ? (
          <Button icon={<PlusOutlined />} onClick={() => setModal({ open: true })} data-testid="item-add">
            {t('festival.items.add')}
          </Button>
        ) : null
      }
    >
      <Table<AdminFestivalItem>
        rowKey="id"
        dataSource={festival.items}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('festival.items.empty') }}
        data-testid="festival-items"
        columns={[
          {
            title: t('festival.items.sku'),
            key: 'sku',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{i.variant.sku}</Typography.Text>
                <Typography.Text type="secondary">
                  {i.variant.productTitle} · {i.variant.name}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('festival.items.listPriceShort'), key: 'list', align: 'right', render: (_, i) => money(i.variant.listPrice) },
          { title: t('festival.items.price'), key: 'price', align: 'right', render: (_, i) => <Typography.Text strong>{money(i.price)}</Typography.Text> },
          { title: t('festival.items.quota'), dataIndex: 'quota', align: 'right' },
          { title: t('festival.items.perFanLimit'), dataIndex: 'perFanLimit', align: 'right' },
          {
            title: t('festival.items.storeAvailable'),
            key: 'available',
            align: 'right',
            render: (_, i) => (i.variant.onSale ? i.variant.available : <Typography.Text type="danger">{t('festival.items.notOnSale')}</Typography.Text>),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, i: AdminFestivalItem) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setModal({ open: true, item: i })} aria-label={t('festival.items.edit')} />
                      <Popconfirm
                        title={t('festival.items.removeTitle', { sku: i.variant.sku })}
                        okText={t('festival.items.remove')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync({ id: festival.id, itemId: i.id }).catch(showError)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('festival.items.remove')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FestivalItemModal open={modal.open} item={modal.item} saving={add.isPending || update.isPending} onCancel={() => setModal({ open: false })} onSave={save} />
    </Card>
  );
}
