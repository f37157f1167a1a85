import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { SignupForm } from '../../../features/fans/components/signup-form';
import { safeIntent, safeNext, withNext, type IntentState } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';

export function SignupPage() {
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
  useDocumentTitle(t('auth.signUp'), channelName);

  return (
    <AuthCard
      title={channelName ? t('auth.signupTitle', { channel: channelName }) : t('auth.signUp')}
      subtitle={t('auth.signupSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')} <RouterLink to={next === '/' && !intent ? '/login' : withNext('/login', next, intent)}>{t('auth.logIn')}</RouterLink>
        </>
      }
    >
      <SignupForm
        onSuccess={(fan) => {
          void message.success(t('auth.welcome', { name: fan.displayName }));
          void navigate(next, { replace: true, state });
        }}
      />
    </AuthCard>
  );
}
