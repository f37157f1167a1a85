import { Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOutsideDayBounds } from '../../../lib/day-bounds';
import { LOYALTY_LEVELS, useLevelName } from '../../../lib/loyalty-levels';
import { useConsoleTiers } from '../../../lib/membership-tiers';
import { useTags } from '../../segments/api/get-tags';
import { FAN_MEMBERSHIP_STATUSES, FAN_STATUSES, MAX_FILTER_TIERS, TAG_MAX_LENGTH } from '../../segments/types';
import { useMembershipStatusLabel, useTierLabel } from '../../segments/components/use-membership-filter-text';
import { useFanStatusLabel } from '../../segments/components/fan-status-tag';
import { MAX_DAYS, MAX_FILTER_TAGS, MAX_SPEND, isValidTag } from '../../segments/components/segment-form-values';
import { currencySymbol, DEFAULT_CURRENCY } from '../../../lib/format-money';

/** The filter builder: every field narrows the segment; empty fields are ignored. */
export function SegmentFilterFields() {
  const { t, i18n } = useTranslation();
  const statusLabel = useFanStatusLabel();
  const levelName = useLevelName();
  const tags = useTags();
  const tiers = useConsoleTiers();
  const membershipLabel = useMembershipStatusLabel();
  const tierLabel = useTierLabel();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const yuan = currencySymbol(DEFAULT_CURRENCY, i18n.resolvedLanguage ?? 'en');

  return (
    <>
      <Form.Item name="status" label={t('segments.fields.status')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('segments.any')}
          options={FAN_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          data-testid="segment-status"
        />
      </Form.Item>
      <Form.Item name="levels" label={t('segments.fields.levels')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('segments.any')}
          options={LOYALTY_LEVELS.map((level) => ({ value: level, label: t('segments.levelOption', { level, name: levelName(level) }) }))}
          data-testid="segment-levels"
        />
      </Form.Item>
      <Form.Item name="membership" label={t('segments.fields.membership')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('segments.any')}
          options={FAN_MEMBERSHIP_STATUSES.map((value) => ({ value, label: membershipLabel(value) }))}
          data-testid="segment-membership"
        />
      </Form.Item>
      <Form.Item
        name="tierIds"
        label={t('segments.fields.tiers')}
        extra={t('segments.fields.tiersHelp')}
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              if ((value ?? []).length > MAX_FILTER_TIERS) throw new Error(t('segments.tooManyTiers', { max: MAX_FILTER_TIERS }));
            },
          },
        ]}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={t('segments.any')}
          loading={tiers.isPending}
          notFoundContent={tiers.isPending ? undefined : t('segments.noTiers')}
          optionFilterProp="label"
          options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tierLabel(tier.id) }))}
          data-testid="segment-tiers"
        />
      </Form.Item>
      <Form.Item name="followed" label={t('segments.fields.followed')} extra={t('segments.fields.followedHelp')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          disabledDate={isOutsideDayBounds}
          placeholder={[t('segments.fields.followedFrom'), t('segments.fields.followedTo')]}
          style={{ width: '100%' }}
          data-testid="segment-followed"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="activeWithinDays" label={t('segments.fields.activeWithin')}>
            <InputNumber min={1} max={MAX_DAYS} precision={0} suffix={t('segments.daysUnit')} style={{ width: '100%' }} data-testid="segment-active" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="inactiveForDays" label={t('segments.fields.inactiveFor')}>
            <InputNumber min={1} max={MAX_DAYS} precision={0} suffix={t('segments.daysUnit')} style={{ width: '100%' }} data-testid="segment-inactive" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="spendMin" label={t('segments.fields.spendMin')} extra={t('segments.fields.spendHelp')}>
            <InputNumber min={0} max={MAX_SPEND} precision={2} prefix={yuan} style={{ width: '100%' }} data-testid="segment-spend-min" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="spendMax"
            label={t('segments.fields.spendMax')}
            dependencies={['spendMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: number | null | undefined) => {
                  const min = getFieldValue('spendMin') as number | null | undefined;
                  if (typeof value === 'number' && typeof min === 'number' && value < min) throw new Error(t('segments.spendMaxBelowMin'));
                },
              }),
            ]}
          >
            <InputNumber min={0} max={MAX_SPEND} precision={2} prefix={yuan} style={{ width: '100%' }} data-testid="segment-spend-max" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="purchasedWithinDays" label={t('segments.fields.purchasedWithin')}>
            <InputNumber min={1} max={MAX_DAYS} precision={0} suffix={t('segments.daysUnit')} style={{ width: '100%' }} data-testid="segment-purchased-within" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="lastPurchaseBefore" label={t('segments.fields.lastPurchaseBefore')} extra={t('segments.fields.lastPurchaseBeforeHelp')}>
            <DatePicker disabledDate={isOutsideDayBounds} style={{ width: '100%' }} data-testid="segment-last-purchase-before" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="neverPurchased" valuePropName="checked">
        <Checkbox data-testid="segment-never-purchased">{t('segments.fields.neverPurchased')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="tags"
        label={t('segments.fields.tags')}
        extra={t('segments.fields.tagsHelp')}
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              if ((value ?? []).some((tag) => !isValidTag(tag))) throw new Error(t('tags.invalid', { max: TAG_MAX_LENGTH }));
              if ((value ?? []).length > MAX_FILTER_TAGS) throw new Error(t('segments.tooManyTags', { max: MAX_FILTER_TAGS }));
            },
          },
        ]}
      >
        <Select
          mode="tags"
          allowClear
          tokenSeparators={[',', ';', '|']}
          placeholder={t('segments.any')}
          loading={tags.isPending}
          options={(tags.data?.items ?? []).map((item) => ({ value: item.tag, label: item.tag, fans: item.fans }))}
          optionRender={(option) => (
            <Flex justify="space-between" gap={12}>
              <span>{option.label}</span>
              {typeof option.data.fans === 'number' ? (
                <Typography.Text type="secondary">{t('segments.tagFans', { count: option.data.fans, fans: number.format(option.data.fans) })}</Typography.Text>
              ) : null}
            </Flex>
          )}
          data-testid="segment-tags"
        />
      </Form.Item>
      <Form.Item name="q" label={t('segments.fields.q')} rules={[{ max: 100, message: t('validation.maxLength', { count: 100 }) }]}>
        <Input allowClear maxLength={100} placeholder={t('fans.searchPlaceholder')} data-testid="segment-q" />
      </Form.Item>
    </>
  );
}
