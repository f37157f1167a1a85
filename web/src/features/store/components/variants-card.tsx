import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '../../../components/ui/icons';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits, currencySymbol, DEFAULT_CURRENCY, toMajor, useMoneyFormat } from '../../../lib/format-money';
import { useApiError, useErrorText, useFieldErrors } from '../../../lib/use-api-error';
import { useAddVariant } from '../api/add-variant';
import { useDeleteVariant } from '../api/delete-variant';
import { useUpdateVariant } from '../api/update-variant';
import { LOW_STOCK_AT, type AdminProduct, type AdminVariant } from '../types';
import { optionsText, parseOptions, toVariantFormValues, toVariantInput, type VariantFormValues } from './variant-form-values';

const NEW = 'new';
const INT4_MAX = 2_147_483_647;
/** The largest price the API takes: 2^53 − 1 minor units. */
const MAX_PRICE_MINOR = Number.MAX_SAFE_INTEGER;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
type Row = AdminVariant | { id: typeof NEW };
const isNew = (row: Row): row is { id: typeof NEW } => row.id === NEW;

/**
 * A product's variants, edited in place: one row at a time opens as fields (SKU, name, options,
 * price, stock on hand, weight, active). An ordered variant that is deleted comes back archived.
 */
export function VariantsCard({ product }: { product: AdminProduct }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const money = useMoneyFormat();
  const [form] = Form.useForm<VariantFormValues>();
  const [editing, setEditing] = useState<string | null>(null);
  const add = useAddVariant();
  const update = useUpdateVariant();
  const remove = useDeleteVariant();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const number = new Intl.NumberFormat(locale);
  const currency = product.variants.find((v) => !v.archivedAt)?.price.currency ?? DEFAULT_CURRENCY;
  const digits = currencyDigits(currency);

  const open = (variant: AdminVariant | null) => {
    form.resetFields();
    form.setFieldsValue(toVariantFormValues(variant ?? undefined, currency));
    setEditing(variant?.id ?? NEW);
  };
  const close = () => setEditing(null);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'store.sku_taken') return form.setFields([{ name: 'sku', errors: [errorText(error)] }]);
    if (isApiError(error) && error.code === 'store.stock_below_reserved') return form.setFields([{ name: 'stock', errors: [errorText(error)] }]);
    const onFields = fieldErrors(error)
      .map(({ name, errors }) => ({ name: name[0] === 'price' ? 'price' : name[0], errors }))
      .filter((f): f is { name: keyof VariantFormValues; errors: string[] } => ['sku', 'name', 'options', 'price', 'stock', 'weightGrams'].includes(f.name ?? ''));
    if (onFields.length > 0) form.setFields(onFields);
    else showError(error);
  };

  const save = async () => {
    let values: VariantFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const input = toVariantInput(values, currency);
    try {
      if (editing === NEW) await add.mutateAsync({ productId: product.id, input });
      else if (editing) await update.mutateAsync({ id: editing, input });
      void message.success(t('store.variants.saved', { sku: input.sku }));
      close();
    } catch (error) {
      onError(error);
    }
  };

  const onDelete = async (variant: AdminVariant) => {
    try {
      const result = await remove.mutateAsync(variant.id);
      void message.success(t(result.result === 'archived' ? 'store.variants.archived' : 'store.variants.deleted', { sku: variant.sku }));
      if (editing === variant.id) close();
    } catch (error) {
      showError(error);
    }
  };

  const field = (row: Row) => editing !== null && row.id === editing;
  const saving = add.isPending || update.isPending;

  const columns: TableColumnsType<Row> = [
    {
      title: t('store.variants.sku'),
      key: 'sku',
      width: 130,
      render: (_, row) =>
        field(row) ? (
          <Form.Item
            name="sku"
            style={{ margin: 0 }}
            rules={[
              { required: true, whitespace: true, message: t('store.variants.skuRequired') },
              { pattern: SKU, message: t('store.variants.skuInvalid') },
              { max: 64, message: t('validation.maxLength', { count: 64 }) },
            ]}
          >
            <Input maxLength={64} aria-label={t('store.variants.sku')} data-testid="variant-sku" />
          </Form.Item>
        ) : isNew(row) ? null : (
          <Typography.Text code>{row.sku}</Typography.Text>
        ),
    },
    {
      title: t('store.variants.name'),
      key: 'name',
      width: 140,
      render: (_, row) =>
        field(row) ? (
          <Form.Item
            name="name"
            style={{ margin: 0 }}
            rules={[
              { required: true, whitespace: true, message: t('store.variants.nameRequired') },
              { max: 120, message: t('validation.maxLength', { count: 120 }) },
            ]}
          >
            <Input maxLength={120} aria-label={t('store.variants.name')} data-testid="variant-name" />
          </Form.Item>
        ) : isNew(row) ? null : (
          <Flex gap={6} wrap align="center">
            <span>{row.name}</span>
            {row.archivedAt ? <Tag>{t('store.variants.archivedTag')}</Tag> : null}
          </Flex>
        ),
    },
    {
      title: t('store.variants.options'),
      key: 'options',
      render: (_, row) =>
        field(row) ? (
          <Form.Item
            name="options"
            style={{ margin: 0 }}
            rules={[
              {
                validator: async (_rule, value: string) => {
                  const options = parseOptions(value ?? '');
                  if (options === null) throw new Error(t('store.variants.optionsInvalid'));
                  if (options.length > 3) throw new Error(t('store.variants.optionsTooMany'));
                },
              },
            ]}
          >
            <Input placeholder={t('store.variants.optionsPlaceholder')} aria-label={t('store.variants.options')} data-testid="variant-options" />
          </Form.Item>
        ) : isNew(row) ? null : (
          <Typography.Text type={row.options.length ? undefined : 'secondary'}>{row.options.length ? optionsText(row.options, ' · ') : '—'}</Typography.Text>
        ),
    },
    {
      title: t('store.variants.price'),
      key: 'price',
      width: 120,
      render: (_, row) =>
        field(row) ? (
          <Form.Item
            name="price"
            style={{ margin: 0 }}
            rules={[
              { required: true, message: t('store.variants.priceRequired') },
              { type: 'number', min: 1 / 10 ** digits, max: toMajor(MAX_PRICE_MINOR, currency), message: t('store.variants.priceRange') },
            ]}
          >
            <InputNumber<number>
              precision={digits}
              prefix={currencySymbol(currency, locale)}
              style={{ width: '100%' }}
              aria-label={t('store.variants.price')}
              data-testid="variant-price"
            />
          </Form.Item>
        ) : isNew(row) ? null : (
          money(row.price)
        ),
    },
    {
      title: t('store.variants.stock'),
      key: 'stock',
      width: 125,
      render: (_, row) =>
        field(row) ? (
          <Form.Item name="stock" style={{ margin: 0 }} rules={[{ type: 'integer', min: 0, max: INT4_MAX, message: t('store.variants.stockRange') }]}>
            <InputNumber<number> precision={0} min={0} style={{ width: '100%' }} aria-label={t('store.variants.stock')} data-testid="variant-stock" />
          </Form.Item>
        ) : isNew(row) ? null : (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center">
              <span>{number.format(row.stock)}</span>
              {row.active && !row.archivedAt && row.available <= LOW_STOCK_AT ? (
                <Tag color={row.available === 0 ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
                  {row.available === 0 ? t('store.outOfStock') : t('store.lowStock')}
                </Tag>
              ) : null}
            </Flex>
            {row.reserved > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('store.variants.reserved', { count: row.reserved })}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    {
      title: t('store.variants.weight'),
      key: 'weight',
      width: 100,
      render: (_, row) =>
        field(row) ? (
          <Form.Item name="weightGrams" style={{ margin: 0 }} rules={[{ type: 'integer', min: 0, max: INT4_MAX, message: t('store.variants.weightRange') }]}>
            <InputNumber<number> precision={0} min={0} suffix="g" style={{ width: '100%' }} aria-label={t('store.variants.weight')} data-testid="variant-weight" />
          </Form.Item>
        ) : isNew(row) ? null : (
          `${number.format(row.weightGrams)} g`
        ),
    },
    {
      title: t('store.variants.active'),
      key: 'active',
      width: 70,
      render: (_, row) =>
        field(row) ? (
          <Form.Item name="active" valuePropName="checked" style={{ margin: 0 }}>
            <Switch size="small" aria-label={t('store.variants.active')} data-testid="variant-active" />
          </Form.Item>
        ) : isNew(row) ? null : (
          <Switch size="small" checked={row.active} disabled aria-label={t('store.variants.active')} />
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, row) =>
        field(row) ? (
          <Flex gap={4}>
            <Button size="small" type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="variant-save">
              {t('store.variants.save')}
            </Button>
            <Button size="small" type="text" onClick={close}>
              {t('common.cancel')}
            </Button>
          </Flex>
        ) : isNew(row) || row.archivedAt ? null : (
          <Flex gap={4}>
            <Button size="small" type="text" icon={<EditOutlined />} disabled={editing !== null} onClick={() => open(row)} data-testid={`variant-edit-${row.sku}`}>
              {t('store.variants.edit')}
            </Button>
            <Popconfirm
              title={t('store.variants.deleteTitle', { sku: row.sku })}
              description={t('store.variants.deleteBody')}
              okText={t('store.variants.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(row)}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('store.variants.deleteLabel', { sku: row.sku })} />
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  const rows: Row[] = [...product.variants, ...(editing === NEW ? [{ id: NEW } as const] : [])];
  const onSale = product.variants.filter((v) => v.active && !v.archivedAt).length;

  return (
    <Card
      title={t('store.variants.title')}
      extra={
        <Button icon={<PlusOutlined />} disabled={editing !== null || product.variants.length >= 100} onClick={() => open(null)} data-testid="variant-add">
          {t('store.variants.add')}
        </Button>
      }
      data-testid="variants-card"
    >
      <Flex vertical gap={12}>
        {product.status === 'unpublished' && onSale === 0 ? <Alert type="info" showIcon title={t('store.variants.needOne')} /> : null}
        {product.status === 'published' && onSale === 0 ? <Alert type="warning" showIcon title={t('store.variants.noneOnSale')} /> : null}
        <Form<VariantFormValues> form={form} component={false} onFinish={() => void save()}>
          <Table<Row>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="middle"
            // The fixed columns take 835 px, the options the rest: every column fits the console at 1366 px.
            scroll={{ x: 940 }}
            onRow={(row) => ({
              style: !isNew(row) && row.archivedAt ? { opacity: 0.55 } : undefined,
              ...{ 'data-testid': isNew(row) ? 'variant-row-new' : `variant-row-${row.sku}` },
            })}
            locale={{ emptyText: t('store.variants.empty') }}
          />
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('store.variants.help', { currency })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
