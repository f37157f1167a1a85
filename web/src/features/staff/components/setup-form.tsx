import { MailOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useSetUpOwner } from '../api/set-up-owner';
import type { StaffMember } from '../types';
import { NewPasswordFields } from './new-password-fields';

interface SetupValues {
  email: string;
  name: string;
  password: string;
  confirm: string;
}

const FIELDS = ['email', 'name', 'password'] as const;

/** First run: create the owner of this Fanbase. */
export function SetupForm({ onSuccess }: { onSuccess: (staff: StaffMember) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const showError = useApiError();
  const setUp = useSetUpOwner();

  const onFinish = (values: SetupValues) => {
    setUp.mutate(
      { email: values.email.trim(), name: values.name.trim(), password: values.password },
      { onSuccess: ({ staff }) => onSuccess(staff), onError: (error) => showError(error, form, FIELDS) },
    );
  };

  return (
    <Form<SetupValues> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="name"
        label={t('staff.fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.nameRequired') },
          { max: 80, message: t('validation.maxLength', { count: 80 }) },
        ]}
      >
        <Input prefix={<UserOutlined />} autoComplete="name" maxLength={80} data-testid="setup-name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('auth.email')}
        rules={[
          { required: true, message: t('validation.emailRequired') },
          { type: 'email', message: t('validation.emailInvalid') },
        ]}
      >
        <Input prefix={<MailOutlined />} type="email" autoComplete="email" data-testid="setup-email" />
      </Form.Item>
      <NewPasswordFields testIdPrefix="setup" />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={setUp.isPending} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
