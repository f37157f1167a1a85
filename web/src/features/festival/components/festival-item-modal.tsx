import { Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { currencyDigits, toMajor, toMinor, useMoneyFormat } from '../../../lib/format-money';
import { useVariantSearch } from '../api/search-variants';
import type { AdminFestivalItem, ItemTerms } from '../types';

type Values = { variantId?: string; price: number; quota: number; perFanLimit: number; position: number };

/** Adds an item (a SKU picked from the store's catalogue) or edits one's festival price, quota and per-fan limit. */
export function FestivalItemModal(props: {
  open: boolean;
  item?: AdminFestivalItem;
  saving: boolean;
  onCancel: () => void;
  onSave: (values: { variantId?: string; terms: ItemTerms }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const variants = useVariantSearch(q);
  const variantId = Form.useWatch('variantId', form);
  const picked = props.item?.variant ?? variants.data?.find((v) => v.id === variantId);
  const currency = props.item?.price.currency ?? (picked && 'currency' in picked ? picked.currency : 'CNY');
  const listMinor = props.item?.variant.listPrice.amountMinor ?? (picked && 'priceMinor' in picked ? picked.priceMinor : undefined);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.item)
      form.setFieldsValue({
        price: toMajor(props.item.price.amountMinor, props.item.price.currency),
        quota: props.item.quota,
        perFanLimit: props.item.perFanLimit,
        position: props.item.position,
      });
  }, [props.open, props.item, form]);

  const submit = async (v: Values) => {
    await props.onSave({
      variantId: v.variantId,
      terms: { priceMinor: toMinor(v.price, currency), quota: v.quota, perFanLimit: v.perFanLimit, position: v.position ?? 0 },
    });
  };

  return (
    <Modal
      open={props.open}
      title={props.item ? t('festival.items.editTitle', { sku: props.item.variant.sku }) : t('festival.items.addTitle')}
      okText={props.item ? t('festival.items.save') : t('festival.items.add')}
      cancelText={t('common.cancel')}
      confirmLoading={props.saving}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'item-save' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ quota: 100, perFanLimit: 1, position: 0 }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        {props.item ? null : (
          <Form.Item name="variantId" label={t('festival.items.sku')} rules={[{ required: true, message: t('festival.items.skuRequired') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={variants.isFetching}
              placeholder={t('festival.items.skuPlaceholder')}
              data-testid="item-sku"
              options={(variants.data ?? []).map((v) => ({
                value: v.id,
                disabled: !v.onSale,
                label: `${v.sku} · ${v.productTitle} ${v.name} · ${money({ amountMinor: v.priceMinor, currency: v.currency })} · ${t('festival.items.availableN', { count: v.available })}`,
              }))}
            />
          </Form.Item>
        )}
        {listMinor !== undefined ? (
          <Typography.Paragraph type="secondary">{t('festival.items.listPrice', { price: money({ amountMinor: listMinor, currency }) })}</Typography.Paragraph>
        ) : null}
        <Form.Item name="price" label={t('festival.items.price')} rules={[{ required: true, message: t('festival.items.priceRequired') }]}>
          <InputNumber
            min={0.01}
            max={listMinor !== undefined ? toMajor(listMinor, currency) : undefined}
            precision={currencyDigits(currency)}
            style={{ width: '100%' }}
            data-testid="item-price"
          />
        </Form.Item>
        <Form.Item
          name="quota"
          label={t('festival.items.quota')}
          rules={[{ required: true, message: t('festival.items.quotaRequired') }]}
          extra={t('festival.items.quotaHint')}
        >
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="item-quota" />
        </Form.Item>
        <Form.Item name="perFanLimit" label={t('festival.items.perFanLimit')} rules={[{ required: true, message: t('festival.items.limitRequired') }]}>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="item-limit" />
        </Form.Item>
        <Form.Item name="position" label={t('festival.items.position')}>
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
