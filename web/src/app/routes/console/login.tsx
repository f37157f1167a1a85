import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { AuthScreen } from '../../../components/ui/auth-screen';
import { RouterLink } from '../../../components/ui/router-link';
import { StaffLoginForm } from '../../../features/staff/components/staff-login-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Only return to console pages after log-in, never to another site. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/console/') && !next.startsWith('/console/login') && !next.startsWith('//')) return next;
  return '/console/fans';
}

export function ConsoleLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  useDocumentTitle(t('consoleLogin.title'), 'Fanbase');

  return (
    <AuthScreen>
      <AuthCard title={t('consoleLogin.title')} subtitle={t('consoleLogin.subtitle')} footer={<RouterLink to="/">{t('consoleLogin.toFanSite')}</RouterLink>}>
        {params.get('reason') === 'fan' ? <Alert type="info" showIcon title={t('consoleLogin.fanSession')} style={{ marginBottom: 24 }} /> : null}
        <StaffLoginForm
          onSuccess={(staff) => {
            void message.success(t('auth.welcomeBack', { name: staff.name }));
            void navigate(safeNext(params.get('next')), { replace: true });
          }}
        />
      </AuthCard>
    </AuthScreen>
  );
}
