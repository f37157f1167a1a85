import { LockOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useSignUp } from '../api/sign-up';
import type { FanSelf, FanSignupInput } from '../types';

const FIELDS = ['email', 'password', 'displayName'] as const;

export function SignupForm({ onSuccess }: { onSuccess: (fan: FanSelf) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FanSignupInput>();
  const showError = useApiError();
  const signUp = useSignUp();

  const onFinish = (values: FanSignupInput) => {
    signUp.mutate(
      { email: values.email.trim(), password: values.password, displayName: values.displayName.trim() },
      { onSuccess: ({ fan }) => onSuccess(fan), onError: (error) => showError(error, form, FIELDS) },
    );
  };

  return (
    <Form<FanSignupInput> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="displayName"
        label={t('auth.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.displayNameRequired') },
          { max: 80, message: t('validation.maxLength', { count: 80 }) },
        ]}
      >
        <Input prefix={<UserOutlined />} autoComplete="nickname" maxLength={80} data-testid="signup-name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('auth.email')}
        rules={[
          { required: true, message: t('validation.emailRequired') },
          { type: 'email', message: t('validation.emailInvalid') },
        ]}
      >
        <Input prefix={<MailOutlined />} type="email" autoComplete="email" data-testid="signup-email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        extra={t('auth.passwordHint')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          { min: 8, message: t('validation.passwordMin', { count: 8 }) },
          { max: 200, message: t('validation.maxLength', { count: 200 }) },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="signup-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={signUp.isPending} data-testid="signup-submit">
          {t('auth.createAccount')}
        </Button>
      </Form.Item>
    </Form>
  );
}
