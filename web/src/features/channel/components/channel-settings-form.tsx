import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useUpdateChannelSettings } from '../api/update-channel-settings';
import type { ChannelSettings, ChannelSettingsInput } from '../types';

const FIELDS = ['name', 'description'] as const;

/** Edit the channel's name and description. */
export function ChannelSettingsForm({ settings }: { settings: ChannelSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useDateFormat();
  const showError = useApiError();
  const [form] = Form.useForm<ChannelSettingsInput>();
  const update = useUpdateChannelSettings();

  useEffect(() => {
    form.setFieldsValue({ name: settings.name, description: settings.description });
  }, [form, settings.name, settings.description]);

  const onFinish = (values: ChannelSettingsInput) => {
    update.mutate(
      { name: values.name.trim(), description: values.description?.trim() ?? '' },
      {
        onSuccess: () => void message.success(t('settings.saved')),
        onError: (error) => showError(error, form, FIELDS),
      },
    );
  };

  return (
    <Form<ChannelSettingsInput>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark="optional"
      style={{ maxWidth: 640 }}
      initialValues={{ name: settings.name, description: settings.description }}
    >
      <Form.Item
        name="name"
        label={t('settings.channelName')}
        extra={t('settings.channelNameHelp')}
        rules={[
          { required: true, whitespace: true, message: t('validation.channelNameRequired') },
          { max: 60, message: t('validation.maxLength', { count: 60 }) },
        ]}
      >
        <Input maxLength={60} showCount data-testid="settings-name" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('settings.channelDescription')}
        extra={t('settings.channelDescriptionHelp')}
        rules={[{ max: 1000, message: t('validation.maxLength', { count: 1000 }) }]}
      >
        <Input.TextArea rows={5} maxLength={1000} showCount data-testid="settings-description" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="settings-submit">
          {t('common.save')}
        </Button>
      </Form.Item>
      <Typography.Text type="secondary">{t('settings.lastUpdated', { date: dateTime(settings.updatedAt) })}</Typography.Text>
    </Form>
  );
}
