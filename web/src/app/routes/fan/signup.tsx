import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { SignupForm } from '../../../features/fans/components/signup-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const channel = useChannel();
  const channelName = channel.data?.name ?? '';
  useDocumentTitle(t('auth.signUp'), channelName);

  return (
    <AuthCard
      title={channelName ? t('auth.signupTitle', { channel: channelName }) : t('auth.signUp')}
      subtitle={t('auth.signupSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')} <RouterLink to="/login">{t('auth.logIn')}</RouterLink>
        </>
      }
    >
      <SignupForm
        onSuccess={(fan) => {
          void message.success(t('auth.welcome', { name: fan.displayName }));
          navigate('/', { replace: true });
        }}
      />
    </AuthCard>
  );
}
