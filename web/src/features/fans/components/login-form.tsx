import { EmailPasswordForm } from '../../../components/ui/email-password-form';
import { useApiError } from '../../../lib/use-api-error';
import { useLogIn } from '../api/log-in';
import type { FanSelf } from '../types';

const FIELDS = ['email', 'password'] as const;

export function LoginForm({ onSuccess }: { onSuccess: (fan: FanSelf) => void }) {
  const showError = useApiError();
  const logIn = useLogIn();
  return (
    <EmailPasswordForm
      testIdPrefix="login"
      pending={logIn.isPending}
      onSubmit={(values, form) => logIn.mutate(values, { onSuccess: ({ fan }) => onSuccess(fan), onError: (error) => showError(error, form, FIELDS) })}
    />
  );
}
