import { SaveOutlined } from '../../../components/ui/icons';
import { App, Button, Divider, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { timeZoneOptions, zoneLabel } from '../../../lib/time-zones';
import { useApiError } from '../../../lib/use-api-error';
import { useUpdateChannelSettings } from '../api/update-channel-settings';
import type { ChannelSettings, ChannelSettingsInput } from '../types';

const FIELDS = ['name', 'description', 'unfollowWindowHours', 'timeZone'] as const;
const DEFAULT_WINDOW_HOURS = 24;

/** Edit the channel's name and description, and how unfollows are blamed on articles. */
export function ChannelSettingsForm({ settings }: { settings: ChannelSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useDateFormat();
  const showError = useApiError();
  const [form] = Form.useForm<ChannelSettingsInput>();
  const update = useUpdateChannelSettings();
  const windowHours = Form.useWatch('unfollowWindowHours', form);
  const timeZones = useMemo(() => timeZoneOptions(), []);

  const initialValues: ChannelSettingsInput = {
    name: settings.name,
    description: settings.description,
    unfollowWindowHours: settings.unfollowWindowHours ?? DEFAULT_WINDOW_HOURS,
    timeZone: settings.timeZone,
  };
  useEffect(() => {
    form.setFieldsValue({
      name: settings.name,
      description: settings.description,
      unfollowWindowHours: settings.unfollowWindowHours ?? DEFAULT_WINDOW_HOURS,
      timeZone: settings.timeZone,
    });
  }, [form, settings.name, settings.description, settings.unfollowWindowHours, settings.timeZone]);

  const onFinish = (values: ChannelSettingsInput) => {
    update.mutate(
      {
        name: values.name.trim(),
        description: values.description?.trim() ?? '',
        unfollowWindowHours: values.unfollowWindowHours,
        timeZone: values.timeZone,
      },
      {
        onSuccess: (saved) =>
          void message.success(saved.timeZone !== settings.timeZone ? t('settings.savedZone', { zone: zoneLabel(saved.timeZone) }) : t('settings.saved')),
        onError: (error) => showError(error, form, FIELDS),
      },
    );
  };

  return (
    <Form<ChannelSettingsInput> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" style={{ maxWidth: 640 }} initialValues={initialValues}>
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
      <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
        {t('settings.articlesSection')}
      </Divider>
      <Form.Item
        name="unfollowWindowHours"
        label={t('settings.unfollowWindow')}
        extra={t('settings.unfollowWindowHelp')}
        rules={[
          { required: true, message: t('settings.unfollowWindowRange', { min: 1, max: 720 }) },
          { type: 'integer', min: 1, max: 720, message: t('settings.unfollowWindowRange', { min: 1, max: 720 }) },
        ]}
      >
        {/* No min/max here: those would silently clamp "0" to 1; the rules above say what is wrong. */}
        <InputNumber<number>
          precision={0}
          suffix={t('settings.hours', { count: windowHours ?? 2 })}
          style={{ width: 200 }}
          data-testid="settings-unfollow-window"
        />
      </Form.Item>
      <Divider titlePlacement="start" plain style={{ marginTop: 8 }}>
        {t('settings.reportingSection')}
      </Divider>
      <Form.Item
        name="timeZone"
        label={t('settings.timeZone')}
        extra={t('settings.timeZoneHelp')}
        rules={[{ required: true, message: t('settings.timeZoneRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={timeZones}
          style={{ width: 360, maxWidth: '100%' }}
          aria-label={t('settings.timeZone')}
          data-testid="settings-time-zone"
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="settings-submit">
          {t('common.save')}
        </Button>
      </Form.Item>
      {settings.updatedAt ? <Typography.Text type="secondary">{t('settings.lastUpdated', { date: dateTime(settings.updatedAt) })}</Typography.Text> : null}
    </Form>
  );
}
