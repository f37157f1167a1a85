import { Alert, App, Button, Drawer, Flex, Form, InputNumber, Skeleton, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLevelName } from '../../../lib/loyalty-levels';
import { useApiError } from '../../../lib/use-api-error';
import { useLoyaltyRules } from '../api/get-loyalty-rules';
import { useUpdateLoyaltyRules } from '../api/update-loyalty-rules';
import { RULE_LEVELS } from '../types';
import { LevelRulesFields } from './level-rules-fields';
import { type RulesFormValues, firstClosedLevel, toRulesForm, toRulesInput } from './rules-form-values';

/** Edit the ladder: rules per level and the grace period. Saving re-levels every fan before it returns. */
export function LadderRulesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const levelName = useLevelName();
  const rules = useLoyaltyRules();
  const update = useUpdateLoyaltyRules();
  const [form] = Form.useForm<RulesFormValues>();
  const closed = firstClosedLevel(Form.useWatch((values: RulesFormValues) => values, form));

  useEffect(() => {
    if (open && rules.data) {
      form.resetFields();
      form.setFieldsValue(toRulesForm(rules.data));
    }
  }, [open, rules.data, form]);

  const close = () => {
    if (!update.isPending) onClose();
  };

  const onFinish = (values: RulesFormValues) =>
    update.mutate(toRulesInput(values), {
      onSuccess: () => {
        void message.success(t('loyalty.rules.saved'));
        onClose();
      },
      onError: (error) => showError(error),
    });

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('loyalty.rules.title')}
      size={640}
      forceRender
      closable={!update.isPending}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={update.isPending} disabled={!rules.data} onClick={() => form.submit()} data-testid="rules-save">
            {update.isPending ? t('loyalty.rules.saving') : t('loyalty.rules.save')}
          </Button>
        </Flex>
      }
    >
      <Spin spinning={update.isPending} description={t('loyalty.rules.saving')} size="large">
        <Typography.Paragraph type="secondary">{t('loyalty.rules.help')}</Typography.Paragraph>
        {rules.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Form<RulesFormValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} data-testid="rules-form">
            <Form.Item
              name="graceDays"
              label={t('loyalty.rules.graceDays')}
              extra={t('loyalty.rules.graceHelp')}
              rules={[{ required: true, message: t('loyalty.rules.graceRequired') }]}
            >
              <InputNumber min={0} max={365} precision={0} suffix={t('segments.daysUnit')} style={{ width: 160 }} data-testid="rules-grace" />
            </Form.Item>
            {closed !== null ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('loyalty.rules.closedLevel', { level: closed, name: levelName(closed) })} />
            ) : null}
            {RULE_LEVELS.map((level) => (
              <LevelRulesFields key={level} level={level} />
            ))}
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {t('loyalty.rules.unrecordedNote')}
        </Typography.Paragraph>
      </Spin>
    </Drawer>
  );
}
