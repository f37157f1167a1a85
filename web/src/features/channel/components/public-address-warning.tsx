import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from '../types';

/**
 * For the owner while PUBLIC_BASE_URL is unset: invitation and share links are built on the
 * address the server listens on, which people on other devices may not reach. It says where the
 * console was opened when that differs, the address the links should probably use.
 */
export function PublicAddressWarning({ settings }: { settings: ChannelSettings | undefined }) {
  const { t } = useTranslation();
  if (!settings || settings.publicBaseUrlConfigured) return null;
  const origin = window.location.origin;
  const openedElsewhere = origin !== new URL(settings.publicBaseUrl).origin;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('console.publicAddress.title', { url: settings.publicBaseUrl })}
      description={
        <>
          {t('console.publicAddress.description')}
          {openedElsewhere ? ` ${t('console.publicAddress.openedAt', { origin })}` : null}
        </>
      }
      data-testid="public-address-warning"
    />
  );
}
