import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { useChannelSettings } from '../../../features/channel/api/get-channel-settings';
import { ChannelSettingsForm } from '../../../features/channel/components/channel-settings-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Channel settings: the name and description fans see. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useChannelSettings();
  useDocumentTitle(t('nav.settings'), 'Fanbase');

  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      <Card title={t('settings.channelSection')}>
        {settings.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : settings.isError ? (
          <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <ChannelSettingsForm settings={settings.data} />
        )}
      </Card>
    </>
  );
}
