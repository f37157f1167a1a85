import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { LoginForm } from '../../../features/fans/components/login-form';
import { safeIntent, safeNext, withNext, type IntentState } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  // Back to where the visitor was (an article they wanted to follow or share), else home.
  const next = safeNext(params.get('next'));
  // …and what they were doing there (Follow pressed while signed out): that page does it once they are in.
  const intent = safeIntent(params.get('intent'));
  const state: IntentState | undefined = intent ? { intent } : undefined;
  const channel = useChannel();
  const channelName = channel.data?.name ?? '';
  useDocumentTitle(t('auth.logIn'), channelName);

  return (
    <AuthCard
      title={t('auth.loginTitle')}
      subtitle={channelName ? t('auth.loginSubtitle', { channel: channelName }) : undefined}
      footer={
        <>
          {t('auth.noAccount')} <RouterLink to={next === '/' && !intent ? '/signup' : withNext('/signup', next, intent)}>{t('auth.signUp')}</RouterLink>
        </>
      }
    >
      <LoginForm
        onSuccess={(fan) => {
          void message.success(t('auth.welcomeBack', { name: fan.displayName }));
          void navigate(next, { replace: true, state });
        }}
      />
    </AuthCard>
  );
}
