import { useTranslation } from 'react-i18next';
import { NewAccountForm } from '../../../components/ui/new-account-form';
import { useApiError } from '../../../lib/use-api-error';
import { useSignUp } from '../api/sign-up';
import type { FanSelf } from '../types';

const FIELDS = ['email', 'password', 'displayName'] as const;

export function SignupForm({ onSuccess }: { onSuccess: (fan: FanSelf) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const signUp = useSignUp();
  return (
    <NewAccountForm
      testIdPrefix="signup"
      nameField={{ name: 'displayName', label: t('auth.displayName'), requiredMessage: t('validation.displayNameRequired'), autoComplete: 'nickname' }}
      submitLabel={t('auth.createAccount')}
      pending={signUp.isPending}
      onSubmit={({ email, name, password }, form) =>
        signUp.mutate({ email, password, displayName: name }, { onSuccess: ({ fan }) => onSuccess(fan), onError: (error) => showError(error, form, FIELDS) })
      }
    />
  );
}
