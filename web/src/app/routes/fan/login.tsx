import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { LoginForm } from '../../../features/fans/components/login-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const channel = useChannel();
  const channelName = channel.data?.name ?? '';
  useDocumentTitle(t('auth.logIn'), channelName);

  return (
    <AuthCard
      title={t('auth.loginTitle')}
      subtitle={channelName ? t('auth.loginSubtitle', { channel: channelName }) : undefined}
      footer={
        <>
          {t('auth.noAccount')} <RouterLink to="/signup">{t('auth.signUp')}</RouterLink>
        </>
      }
    >
      <LoginForm
        onSuccess={(fan) => {
          void message.success(t('auth.welcomeBack', { name: fan.displayName }));
          navigate('/', { replace: true });
        }}
      />
    </AuthCard>
  );
}
