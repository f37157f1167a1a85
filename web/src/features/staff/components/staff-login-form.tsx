import { EmailPasswordForm } from '../../../components/ui/email-password-form';
import { useApiError } from '../../../lib/use-api-error';
import { useStaffLogIn } from '../api/log-in';
import type { StaffMember } from '../types';

const FIELDS = ['email', 'password'] as const;

export function StaffLoginForm({ onSuccess }: { onSuccess: (staff: StaffMember) => void }) {
  const showError = useApiError();
  const logIn = useStaffLogIn();
  return (
    <EmailPasswordForm
      testIdPrefix="console-login"
      emailAutoComplete="username"
      pending={logIn.isPending}
      onSubmit={(values, form) => logIn.mutate(values, { onSuccess: ({ staff }) => onSuccess(staff), onError: (error) => showError(error, form, FIELDS) })}
    />
  );
}
