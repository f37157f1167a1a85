import { LockOutlined } from './icons';
import { Button, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmailField } from './account-fields';

export type EmailPassword = { email: string; password: string };

/** The sign-in form shared by the fan site and the console: email, password, submit. */
export function EmailPasswordForm({
  onSubmit,
  pending,
  testIdPrefix,
  emailAutoComplete = 'email',
}: {
  onSubmit: (values: EmailPassword, form: FormInstance<EmailPassword>) => void;
  pending: boolean;
  /** `login` → login-email, login-password, login-submit. */
  testIdPrefix: string;
  emailAutoComplete?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EmailPassword>();
  return (
    <Form<EmailPassword>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => onSubmit({ email: values.email.trim(), password: values.password }, form)}
    >
      <EmailField testId={`${testIdPrefix}-email`} autoComplete={emailAutoComplete} />
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid={`${testIdPrefix}-password`} />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid={`${testIdPrefix}-submit`}>
          {t('auth.logIn')}
        </Button>
      </Form.Item>
    </Form>
  );
}
