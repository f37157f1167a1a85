import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { AuthScreen } from '../../../components/ui/auth-screen';
import { SetupForm } from '../../../features/staff/components/setup-form';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** First run: create the owner account. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  useDocumentTitle(t('setup.title'), 'Fanbase');

  return (
    <AuthScreen>
      <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')}>
        <SetupForm
          onSuccess={(staff) => {
            void message.success(t('setup.done', { name: staff.name }));
            void navigate('/console/fans', { replace: true });
          }}
        />
      </AuthCard>
    </AuthScreen>
  );
}
