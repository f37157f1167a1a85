import { useTranslation } from 'react-i18next';
import { NewAccountForm } from '../../../components/ui/new-account-form';
import { useApiError } from '../../../lib/use-api-error';
import { useSetUpOwner } from '../api/set-up-owner';
import type { StaffMember } from '../types';

const FIELDS = ['email', 'name', 'password'] as const;

/** First run: create the owner of this Fanbase. */
export function SetupForm({ onSuccess }: { onSuccess: (staff: StaffMember) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const setUp = useSetUpOwner();
  return (
    <NewAccountForm
      testIdPrefix="setup"
      nameField={{ name: 'name', label: t('staff.fields.name'), requiredMessage: t('validation.nameRequired'), autoComplete: 'name' }}
      confirmPassword
      submitLabel={t('setup.submit')}
      pending={setUp.isPending}
      onSubmit={(values, form) => setUp.mutate(values, { onSuccess: ({ staff }) => onSuccess(staff), onError: (error) => showError(error, form, FIELDS) })}
    />
  );
}
