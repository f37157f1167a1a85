import { DeleteOutlined, PlusOutlined } from '../../../components/ui/icons';
import { Button, Flex, Form, Input, InputNumber, Switch, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EARLY_ACCESS_MINUTES, MAX_PERKS, STORE_DISCOUNT_PERCENT, type TierFormValues } from './tier-form-values';

type SwitchName = 'membersOnlyArticles' | 'earlyAccess' | 'storeDiscount' | 'eventPriority';

/** One typed perk: its switch, what it does, and (when on) the number it needs. */
function PerkSwitch({ name, label, help, children }: { name: SwitchName; label: string; help: string; children?: ReactNode }) {
  const { token } = theme.useToken();
  const on = Form.useWatch(name) as boolean | undefined;
  return (
    <div style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: '10px 12px' }} data-testid={`perk-${name}`}>
      <Flex gap={12} align="flex-start">
        <Form.Item name={name} valuePropName="checked" noStyle>
          <Switch aria-label={label} size="small" style={{ marginTop: 3 }} data-testid={`perk-${name}-switch`} />
        </Form.Item>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong>{label}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {help}
          </Typography.Text>
          {on && children ? <div style={{ marginTop: 8 }}>{children}</div> : null}
        </Flex>
      </Flex>
    </div>
  );
}

/** The tier's perks: the typed ones other parts of Fanbase act on, then free text for the membership page. */
export function PerksFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TierFormValues>();
  const values = Form.useWatch((v: TierFormValues) => v, form);
  const typedCount = values ? [values.membersOnlyArticles, values.earlyAccess, values.storeDiscount, values.eventPriority].filter(Boolean).length : 0;
  const textCount = values?.textPerks?.length ?? 0;
  const full = typedCount + textCount >= MAX_PERKS;

  return (
    <Flex vertical gap={8} data-testid="perks-fields">
      <PerkSwitch name="membersOnlyArticles" label={t('memberships.form.membersOnlyArticles')} help={t('memberships.form.membersOnlyArticlesHelp')} />
      <PerkSwitch name="earlyAccess" label={t('memberships.form.earlyAccess')} help={t('memberships.form.earlyAccessHelp')}>
        <Form.Item
          name="earlyAccessMinutes"
          label={t('memberships.form.earlyAccessMinutes')}
          style={{ marginBottom: 0 }}
          rules={[
            { required: true, message: t('memberships.form.numberRange', EARLY_ACCESS_MINUTES) },
            { type: 'integer', ...EARLY_ACCESS_MINUTES, message: t('memberships.form.numberRange', EARLY_ACCESS_MINUTES) },
          ]}
        >
          <InputNumber<number> precision={0} suffix={t('memberships.form.minutesUnit')} style={{ width: 180 }} data-testid="perk-early-access-minutes" />
        </Form.Item>
      </PerkSwitch>
      <PerkSwitch name="storeDiscount" label={t('memberships.form.storeDiscount')} help={t('memberships.form.storeDiscountHelp')}>
        <Form.Item
          name="storeDiscountPercent"
          label={t('memberships.form.storeDiscountPercent')}
          style={{ marginBottom: 0 }}
          rules={[
            { required: true, message: t('memberships.form.numberRange', STORE_DISCOUNT_PERCENT) },
            { type: 'integer', ...STORE_DISCOUNT_PERCENT, message: t('memberships.form.numberRange', STORE_DISCOUNT_PERCENT) },
          ]}
        >
          <InputNumber<number> precision={0} suffix="%" style={{ width: 140 }} data-testid="perk-store-discount-percent" />
        </Form.Item>
      </PerkSwitch>
      <PerkSwitch name="eventPriority" label={t('memberships.form.eventPriority')} help={t('memberships.form.eventPriorityHelp')} />

      <Typography.Text strong style={{ marginTop: 8 }}>
        {t('memberships.form.textPerks')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('memberships.form.textPerksHelp')}
      </Typography.Text>
      <Form.List name="textPerks">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="text-perks">
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={field.name}
                  style={{ flex: 1, marginBottom: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: t('memberships.form.textPerkRequired') },
                    { max: 200, message: t('validation.maxLength', { count: 200 }) },
                  ]}
                >
                  <Input maxLength={200} placeholder={t('memberships.form.textPerkPlaceholder')} aria-label={t('memberships.form.textPerkLabel', { n: i + 1 })} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('memberships.form.removeTextPerk', { n: i + 1 })} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={full} style={{ alignSelf: 'flex-start' }} data-testid="add-text-perk">
              {t('memberships.form.addTextPerk')}
            </Button>
            {full ? <Typography.Text type="secondary">{t('memberships.form.perksFull', { count: MAX_PERKS })}</Typography.Text> : null}
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}
