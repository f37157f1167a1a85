import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useStaffLogIn } from '../api/log-in';
import type { StaffLoginInput, StaffMember } from '../types';

const FIELDS = ['email', 'password'] as const;

export function StaffLoginForm({ onSuccess }: { onSuccess: (staff: StaffMember) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StaffLoginInput>();
  const showError = useApiError();
  const logIn = useStaffLogIn();

  const onFinish = (values: StaffLoginInput) => {
    logIn.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: ({ staff }) => onSuccess(staff), onError: (error) => showError(error, form, FIELDS) },
    );
  };

  return (
    <Form<StaffLoginInput> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="email"
        label={t('auth.email')}
        rules={[
          { required: true, message: t('validation.emailRequired') },
          { type: 'email', message: t('validation.emailInvalid') },
        ]}
      >
        <Input prefix={<MailOutlined />} type="email" autoComplete="username" data-testid="console-login-email" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="console-login-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={logIn.isPending} data-testid="console-login-submit">
          {t('auth.logIn')}
        </Button>
      </Form.Item>
    </Form>
  );
}
