import { Button, Descriptions, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../../../components/ui/account-fields';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useAcceptInvitation } from '../api/accept-invitation';
import type { InvitationPreview, StaffMember } from '../types';

interface AcceptValues {
  password: string;
  confirm: string;
}

interface AcceptInvitationFormProps {
  token: string;
  invitation: InvitationPreview;
  onSuccess: (staff: StaffMember) => void;
}

/** Shows who the invitation is for and lets them choose a password. */
export function AcceptInvitationForm({ token, invitation, onSuccess }: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const [form] = Form.useForm<AcceptValues>();
  const showError = useApiError();
  const accept = useAcceptInvitation(token);

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 24 }}
        items={[
          { key: 'name', label: t('staff.fields.name'), children: invitation.name },
          { key: 'email', label: t('auth.email'), children: invitation.email },
          { key: 'expires', label: t('invite.expires'), children: dateTime(invitation.expiresAt) },
        ]}
      />
      <Form<AcceptValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) =>
          accept.mutate(values.password, {
            onSuccess: ({ staff }) => onSuccess(staff),
            onError: (error) => showError(error, form, ['password']),
          })
        }
      >
        <NewPasswordFields testIdPrefix="invite" />
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={accept.isPending} data-testid="invite-submit">
            {t('invite.accept')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
