import { EditOutlined } from '../../../components/ui/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelSettings } from '../types';

const SETTINGS_PATH = '/console/settings';

/**
 * After setup the channel is still called "Fanbase" with no description: until its settings are
 * first saved, every console page but the settings page asks the owner to name it.
 */
export function NameChannelNotice({ settings, pathname }: { settings: ChannelSettings | undefined; pathname: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!settings || settings.updatedAt !== null || pathname.startsWith(SETTINGS_PATH)) return null;

  return (
    <Alert
      type="info"
      showIcon
      title={t('console.nameChannelTitle')}
      description={t('console.nameChannelBody', { name: settings.name })}
      action={
        <Button
          type="primary"
          href={SETTINGS_PATH}
          icon={<EditOutlined />}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            void navigate(SETTINGS_PATH);
          }}
          data-testid="name-channel"
        >
          {t('console.nameChannelAction')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="name-channel-notice"
    />
  );
}
