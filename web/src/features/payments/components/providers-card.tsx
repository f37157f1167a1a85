import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProviderSetting } from '../types';
import { TestModeTag } from './payment-status-tag';

/**
 * Every provider Fanbase has: configured here or not, test payments or real money, whether it
 * renews a payment by itself, and the environment variables that configure it (names only).
 */
export function ProvidersCard({ providers, loading }: { providers: ProviderSetting[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProviderSetting> = [
    {
      title: t('payments.settings.provider'),
      dataIndex: 'name',
      width: 220,
      render: (_: string, p) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{t(`payments.providers.${p.name}`)}</Typography.Text>
          {p.default ? <Tag color="gold">{t('payments.settings.default')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('payments.settings.state'),
      key: 'state',
      width: 280,
      render: (_: unknown, p) => (
        <Flex gap={4} wrap>
          {p.configured ? <Tag color="success">{t('payments.settings.configured')}</Tag> : <Tag>{t('payments.settings.notConfigured')}</Tag>}
          {p.testMode === true ? <TestModeTag /> : null}
          {p.testMode === false ? <Tag color="blue">{t('payments.settings.realMoney')}</Tag> : null}
          <Tag color={p.recurring ? 'cyan' : undefined}>{p.recurring ? t('payments.settings.renews') : t('payments.settings.noRenewals')}</Tag>
        </Flex>
      ),
    },
    {
      title: t('payments.settings.variables'),
      dataIndex: 'variables',
      render: (_: string[], p) =>
        p.variables.length === 0 ? (
          <Typography.Text type="secondary">{t('payments.settings.noVariables')}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{p.configured ? t('payments.settings.configuredBy') : t('payments.settings.setToConfigure')}</Typography.Text>
            <Flex gap={4} wrap>
              {p.variables.map((name) => (
                <Typography.Text code key={name} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {name}
                </Typography.Text>
              ))}
            </Flex>
            {p.configured ? null : <Typography.Text type="secondary">{t(`payments.settings.variablesHint.${p.name}`, { defaultValue: '' })}</Typography.Text>}
          </Flex>
        ),
    },
  ];
  return (
    <Card title={t('payments.settings.providersTitle')} data-testid="payment-providers">
      <Table<ProviderSetting> rowKey="name" size="small" columns={columns} dataSource={providers} loading={loading} pagination={false} />
    </Card>
  );
}
