import { App, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AuthCard } from '../../../components/ui/auth-card';
import { AuthScreen } from '../../../components/ui/auth-screen';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useInvitationPreview } from '../../../features/staff/api/get-invitation-preview';
import { AcceptInvitationForm } from '../../../features/staff/components/accept-invitation-form';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Public page behind an invitation link: choose a password and join the console. */
export function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token = '' } = useParams();
  const invitation = useInvitationPreview(token);
  useDocumentTitle(t('invite.title'), 'Fanbase');

  let body;
  if (invitation.isPending) {
    body = <PageLoader />;
  } else if (invitation.isError) {
    const gone = isApiError(invitation.error) && [400, 404, 410].includes(invitation.error.status);
    body = gone ? (
      <Result
        status="warning"
        title={t('invite.invalidTitle')}
        subTitle={t('invite.invalidBody')}
        extra={
          <Button type="primary" onClick={() => navigate('/console/login')}>
            {t('invite.toLogin')}
          </Button>
        }
      />
    ) : (
      <ErrorResult error={invitation.error} onRetry={() => void invitation.refetch()} />
    );
  } else {
    body = (
      <AuthCard title={t('invite.title')} subtitle={t('invite.subtitle', { name: invitation.data.name })}>
        <AcceptInvitationForm
          token={token}
          invitation={invitation.data}
          onSuccess={(staff) => {
            void message.success(t('invite.welcome', { name: staff.name }));
            void navigate('/console/fans', { replace: true });
          }}
        />
      </AuthCard>
    );
  }

  return <AuthScreen>{body}</AuthScreen>;
}
