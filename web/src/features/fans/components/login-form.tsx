import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useLogIn } from '../api/log-in';
import type { FanLoginInput, FanSelf } from '../types';

const FIELDS = ['email', 'password'] as const;

export function LoginForm({ onSuccess }: { onSuccess: (fan: FanSelf) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FanLoginInput>();
  const showError = useApiError();
  const logIn = useLogIn();

  const onFinish = (values: FanLoginInput) => {
    logIn.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: ({ fan }) => onSuccess(fan), onError: (error) => showError(error, form, FIELDS) },
    );
  };

  return (
    <Form<FanLoginInput> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="email"
        label={t('auth.email')}
        rules={[
          { required: true, message: t('validation.emailRequired') },
          { type: 'email', message: t('validation.emailInvalid') },
        ]}
      >
        <Input prefix={<MailOutlined />} type="email" autoComplete="email" data-testid="login-email" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={logIn.isPending} data-testid="login-submit">
          {t('auth.logIn')}
        </Button>
      </Form.Item>
    </Form>
  );
}
