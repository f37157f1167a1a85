import { Alert, App, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useChooseChannelProvider } from '../api/choose-channel-provider';
import type { PaymentSettings, ProviderName, SaleChannelSetting } from '../types';

/** The Select's value for "no choice: the default provider". */
const DEFAULT = 'default';

/**
 * Which provider each channel of sale pays through. The owner chooses among the configured
 * providers (or the default); other staff read. A choice whose provider is no longer configured
 * shows as a warning, as the default takes its payments meanwhile.
 */
export function SaleChannelsCard({ settings, loading, canChoose }: { settings: PaymentSettings | undefined; loading: boolean; canChoose: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const choose = useChooseChannelProvider();
  const providers = settings?.providers ?? [];
  const channels = settings?.channels ?? [];
  const label = (name: string) => t(`payments.providers.${name}`, { defaultValue: name });
  const defaultName = providers.find((p) => p.default)?.name ?? 'sandbox';

  const onChoose = (channel: SaleChannelSetting['channel'], value: string) =>
    choose.mutate(
      { channel, provider: value === DEFAULT ? null : (value as ProviderName) },
      {
        onSuccess: (saved) => {
          const now = saved.channels.find((c) => c.channel === channel)!;
          void message.success(t('payments.settings.saved', { channel: t(`payments.channels.${channel}`), provider: label(now.provider) }));
        },
        onError: (error) => showError(error),
      },
    );

  const providerCell = (c: SaleChannelSetting) => {
    if (!canChoose)
      return (
        <Flex gap={6} align="center" wrap>
          <Typography.Text>{label(c.provider)}</Typography.Text>
          {c.chosen === null ? <Tag>{t('payments.settings.automatic')}</Tag> : null}
        </Flex>
      );
    const options = [
      { value: DEFAULT, label: t('payments.settings.defaultOption', { provider: label(defaultName) }) },
      ...providers.filter((p) => p.configured).map((p) => ({ value: p.name as string, label: label(p.name) })),
      // A choice no longer configured stays visible (and cannot be chosen again).
      ...(c.fallback && c.chosen ? [{ value: c.chosen, label: t('payments.settings.chosenMissing', { provider: label(c.chosen) }), disabled: true }] : []),
    ];
    return (
      <Select
        style={{ width: '100%', maxWidth: 280 }}
        value={c.chosen ?? DEFAULT}
        options={options}
        onChange={(value) => onChoose(c.channel, value)}
        disabled={choose.isPending}
        aria-label={t('payments.settings.providerFor', { channel: t(`payments.channels.${c.channel}`) })}
        data-testid={`channel-provider-${c.channel}`}
      />
    );
  };

  const columns: TableColumnsType<SaleChannelSetting> = [
    {
      title: t('payments.settings.channel'),
      dataIndex: 'channel',
      render: (_: string, c) => (
        <Flex vertical style={{ minWidth: 160 }}>
          <Typography.Text strong>{t(`payments.channels.${c.channel}`)}</Typography.Text>
          <Typography.Text type="secondary">{t(`payments.channelHints.${c.channel}`)}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('payments.settings.provider'), key: 'provider', width: 300, render: (_: unknown, c) => providerCell(c) },
    {
      title: t('payments.settings.autoRenew'),
      key: 'autoRenew',
      width: 220,
      render: (_: unknown, c) =>
        c.channel !== 'membership' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : c.autoRenew ? (
          <Tag color="cyan" data-testid="channel-auto-renew">
            {t('payments.settings.autoRenewOffered')}
          </Tag>
        ) : (
          <Tag data-testid="channel-auto-renew">{t('payments.settings.autoRenewNot', { provider: label(c.provider) })}</Tag>
        ),
    },
  ];

  return (
    <Card title={t('payments.settings.channelsTitle')} data-testid="sale-channels">
      <Flex vertical gap={12}>
        {channels
          .filter((c) => c.fallback)
          .map((c) => (
            <Alert
              key={c.channel}
              type="warning"
              showIcon
              data-testid={`channel-fallback-${c.channel}`}
              title={t('payments.settings.fallback', {
                channel: t(`payments.channels.${c.channel}`),
                chosen: label(c.chosen ?? ''),
                provider: label(c.provider),
              })}
            />
          ))}
        <Table<SaleChannelSetting> rowKey="channel" size="small" columns={columns} dataSource={channels} loading={loading} pagination={false} />
        <Typography.Text type="secondary">
          {t('payments.settings.keepsProvider')}
          {canChoose ? null : ` ${t('payments.settings.ownerOnly')}`}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
