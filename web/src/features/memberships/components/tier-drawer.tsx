import { InfoCircleOutlined } from '../../../components/ui/icons';
import { App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits, currencySymbol, toMajor } from '../../../lib/format-money';
import { useApiError, useErrorText, useFieldErrors } from '../../../lib/use-api-error';
import { useCreateTier } from '../api/create-tier';
import { useUpdateTier } from '../api/update-tier';
import type { StaffTier } from '../types';
import { PerksFields } from './perks-fields';
import { type FieldName, MAX_PRICE_MINOR, type TierFormValues, toFormField, toTierFormValues, toTierInput } from './tier-form-values';

/** Currencies offered for a tier's prices; a tier already priced in another keeps it. */
const CURRENCIES = ['CNY', 'HKD', 'TWD', 'SGD', 'USD', 'EUR', 'GBP', 'JPY'];

interface TierDrawerProps {
  open: boolean;
  /** The tier to edit; a new one when left out. */
  tier?: StaffTier;
  /** Every tier (a new one is ranked above them). */
  tiers: StaffTier[];
  onClose: () => void;
}

/** Create or edit a tier: name, rank, prices per month and per year, and its perks. */
export function TierDrawer({ open, tier, tiers, onClose }: TierDrawerProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<TierFormValues>();
  const create = useCreateTier();
  const update = useUpdateTier();
  const saving = create.isPending || update.isPending;
  const currency = (Form.useWatch('currency', form) as string | undefined) ?? tier?.currency ?? 'CNY';
  const monthly = Form.useWatch('monthlyPrice', form) as number | null | undefined;
  const yearly = Form.useWatch('yearlyPrice', form) as number | null | undefined;
  const perkFields = useRef<FieldName[]>([]);
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const digits = currencyDigits(currency);
  const symbol = currencySymbol(currency, locale);
  const maxPrice = toMajor(MAX_PRICE_MINOR, currency);
  const minPrice = 1 / 10 ** digits;
  const saving12 = monthly && yearly && yearly < monthly * 12 ? Math.round((1 - yearly / (monthly * 12)) * 100) : 0;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toTierFormValues(tier, tiers));
    // Only when the drawer opens: a refetch of the list must not wipe what is being typed.
  }, [open, tier, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'membership.tier_name_taken') {
      form.setFields([{ name: 'name', errors: [errorText(error)] }]);
      return;
    }
    if (isApiError(error) && error.code === 'membership.tier_rank_taken') {
      form.setFields([{ name: 'rank', errors: [errorText(error)] }]);
      return;
    }
    const onFields = fieldErrors(error).flatMap(({ name, errors }) => {
      const field = toFormField(name, perkFields.current);
      return field ? [{ name: field, errors }] : [];
    });
    if (onFields.length > 0) form.setFields(onFields as Parameters<typeof form.setFields>[0]);
    else showError(error);
  };

  const onFinish = async (values: TierFormValues) => {
    const { input, perkFields: fields } = toTierInput(values);
    perkFields.current = fields;
    try {
      const saved = tier ? await update.mutateAsync({ id: tier.id, input }) : await create.mutateAsync(input);
      void message.success(t(tier ? 'memberships.tierUpdated' : 'memberships.tierCreated', { name: saved.name }));
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  const priceRules = [
    { required: true, message: t('memberships.form.priceRequired') },
    { type: 'number' as const, min: minPrice, max: maxPrice, message: t('memberships.form.priceRange', { max: maxPrice.toLocaleString(locale) }) },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={tier ? t('memberships.editTitle', { name: tier.name }) : t('memberships.newTitle')}
      size={600}
      forceRender
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          {/* Under the form, always in view: what a price change does. */}
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 220px' }} data-testid="tier-price-note">
            <InfoCircleOutlined /> {t('memberships.form.priceNote')}
          </Typography.Text>
          <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="tier-save">
              {tier ? t('common.save') : t('memberships.form.create')}
            </Button>
          </Flex>
        </Flex>
      }
      data-testid="tier-drawer"
    >
      <Form<TierFormValues> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void onFinish(values)} data-testid="tier-form">
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item
              name="name"
              label={t('memberships.form.name')}
              rules={[
                { required: true, whitespace: true, message: t('memberships.form.nameRequired') },
                { max: 60, message: t('validation.maxLength', { count: 60 }) },
              ]}
            >
              <Input maxLength={60} placeholder={t('memberships.form.namePlaceholder')} data-testid="tier-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="rank"
              label={t('memberships.form.rank')}
              tooltip={t('memberships.form.rankHelp')}
              rules={[
                { required: true, message: t('memberships.form.rankRange') },
                { type: 'integer', min: 1, max: 1000, message: t('memberships.form.rankRange') },
              ]}
            >
              <InputNumber<number> precision={0} style={{ width: '100%' }} data-testid="tier-rank" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('memberships.form.description')} rules={[{ max: 2000, message: t('validation.maxLength', { count: 2000 }) }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('memberships.form.descriptionPlaceholder')} data-testid="tier-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={9}>
            <Form.Item name="monthlyPrice" label={t('memberships.form.monthlyPrice')} rules={priceRules}>
              <InputNumber<number> precision={digits} step={1} prefix={symbol} style={{ width: '100%' }} data-testid="tier-monthly-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item
              name="yearlyPrice"
              label={t('memberships.form.yearlyPrice')}
              rules={priceRules}
              extra={saving12 > 0 ? t('memberships.form.yearlySaves', { percent: saving12 }) : undefined}
            >
              <InputNumber<number> precision={digits} step={1} prefix={symbol} style={{ width: '100%' }} data-testid="tier-yearly-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="currency" label={t('memberships.form.currency')} rules={[{ required: true }]}>
              <Select
                options={[...new Set([...CURRENCIES, tier?.currency ?? 'CNY'])].map((code) => ({ value: code, label: code }))}
                aria-label={t('memberships.form.currency')}
                data-testid="tier-currency"
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('memberships.form.perksTitle')}
        </Divider>
        <PerksFields />
      </Form>
    </Drawer>
  );
}
