import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useTiers } from '../api/get-tiers';
import { useGrantMembership } from '../api/grant-membership';
import type { FanMembership } from '../types';

interface GrantMembershipModalProps {
  fanId: string;
  open: boolean;
  /** The fan's membership now: a live one preselects its tier (a comp adds to it). */
  current: FanMembership['membership'];
  onClose: () => void;
}

type GrantValues = { tierId: string; months: number; note?: string };

/** Errors the form explains in place rather than as a passing message. */
const INLINE_CODES = new Set(['membership.tier_conflict', 'membership.tier_archived']);

/** Grant a complimentary period of a tier: 1–36 months, with a note for the team. */
export function GrantMembershipModal({ fanId, open, current, onClose }: GrantMembershipModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const tiers = useTiers();
  const grant = useGrantMembership(fanId);
  const [form] = Form.useForm<GrantValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const offered = (tiers.data ?? []).filter((tier) => tier.status === 'active');
  const live = current && current.status !== 'expired' ? current : null;

  const onFinish = (values: GrantValues) => {
    setProblem(null);
    grant.mutate(
      { tierId: values.tierId, months: values.months, note: values.note?.trim() || undefined },
      {
        onSuccess: () => {
          const tier = offered.find((x) => x.id === values.tierId);
          void message.success(t('memberships.grant.granted', { count: values.months, tier: tier?.name ?? '' }));
          onClose();
        },
        onError: (error) =>
          isApiError(error) && INLINE_CODES.has(error.code) ? setProblem(errorText(error)) : showError(error, form, ['tierId', 'months', 'note']),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('memberships.grant.title')}
      okText={t('memberships.grant.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: grant.isPending, disabled: offered.length === 0, ...{ 'data-testid': 'grant-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setProblem(null);
      }}
      destroyOnHidden
      data-testid="grant-modal"
    >
      <Typography.Paragraph type="secondary">{t('memberships.grant.help')}</Typography.Paragraph>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="grant-problem" /> : null}
      {!tiers.isPending && offered.length === 0 ? <Alert type="warning" showIcon title={t('memberships.grant.noTiers')} style={{ marginBottom: 16 }} /> : null}
      <Form<GrantValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        onValuesChange={() => setProblem(null)}
        initialValues={{ months: 1, tierId: live && offered.some((x) => x.id === live.tier.id) ? live.tier.id : undefined }}
      >
        <Form.Item name="tierId" label={t('memberships.grant.tier')} rules={[{ required: true, message: t('memberships.grant.tierRequired') }]}>
          <Select
            loading={tiers.isPending}
            options={offered.map((tier) => ({ value: tier.id, label: tier.name }))}
            placeholder={t('memberships.grant.tierPlaceholder')}
            aria-label={t('memberships.grant.tier')}
            data-testid="grant-tier"
          />
        </Form.Item>
        <Form.Item
          name="months"
          label={t('memberships.grant.months')}
          rules={[
            { required: true, message: t('memberships.grant.monthsRange') },
            { type: 'integer', min: 1, max: 36, message: t('memberships.grant.monthsRange') },
          ]}
        >
          <InputNumber<number> precision={0} suffix={t('memberships.grant.monthsUnit')} style={{ width: 160 }} data-testid="grant-months" />
        </Form.Item>
        <Form.Item name="note" label={t('memberships.grant.note')} rules={[{ max: 500, message: t('validation.maxLength', { count: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('memberships.grant.notePlaceholder')} data-testid="grant-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
