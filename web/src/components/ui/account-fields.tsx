import { LockOutlined, MailOutlined } from './icons';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;

/** The email field of every account form (sign-in, sign-up, first-run setup, staff invitation), named `email`. */
export function EmailField({ testId, autoComplete = 'email' }: { testId: string; autoComplete?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="email"
      label={t('auth.email')}
      rules={[
        { required: true, message: t('validation.emailRequired') },
        { type: 'email', message: t('validation.emailInvalid') },
      ]}
    >
      <Input prefix={<MailOutlined />} type="email" autoComplete={autoComplete} data-testid={testId} />
    </Form.Item>
  );
}

/**
 * A new password (named `password`) with the server's length rules, and by default its confirmation
 * (named `confirm`). `testIdPrefix` gives `<prefix>-password` and `<prefix>-confirm`.
 */
export function NewPasswordFields({ testIdPrefix, confirm = true }: { testIdPrefix: string; confirm?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={t('auth.password')}
        extra={t('auth.passwordHint')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          { min: MIN_PASSWORD_LENGTH, message: t('validation.passwordMin', { count: MIN_PASSWORD_LENGTH }) },
          { max: MAX_PASSWORD_LENGTH, message: t('validation.maxLength', { count: MAX_PASSWORD_LENGTH }) },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid={`${testIdPrefix}-password`} />
      </Form.Item>
      {confirm ? (
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordsMismatch'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid={`${testIdPrefix}-confirm`} />
        </Form.Item>
      ) : null}
    </>
  );
}
