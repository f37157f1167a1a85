import { UserOutlined } from './icons';
import { Button, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmailField, NewPasswordFields } from './account-fields';

const MAX_NAME_LENGTH = 80;

/** What the form hands over, trimmed: the name under one key whatever the API calls it. */
export type NewAccount = { email: string; name: string; password: string };

export interface NewAccountFormProps {
  /** The name field: its form name is the API's (`displayName`, `name`) so the API's field errors land on it. */
  nameField: { name: string; label: string; requiredMessage: string; autoComplete: string };
  /** Ask for the password a second time. */
  confirmPassword?: boolean;
  submitLabel: string;
  /** `signup` → signup-name, signup-email, signup-password, (signup-confirm,) signup-submit. */
  testIdPrefix: string;
  pending: boolean;
  onSubmit: (values: NewAccount, form: FormInstance) => void;
}

/** The sign-up form shared by the fan site and the console's first-run setup: name, email, new password, submit. */
export function NewAccountForm({ nameField, confirmPassword = false, submitLabel, testIdPrefix, pending, onSubmit }: NewAccountFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <Form<Record<string, string>>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => onSubmit({ email: (values.email ?? '').trim(), name: (values[nameField.name] ?? '').trim(), password: values.password ?? '' }, form)}
    >
      <Form.Item
        name={nameField.name}
        label={nameField.label}
        rules={[
          { required: true, whitespace: true, message: nameField.requiredMessage },
          { max: MAX_NAME_LENGTH, message: t('validation.maxLength', { count: MAX_NAME_LENGTH }) },
        ]}
      >
        <Input prefix={<UserOutlined />} autoComplete={nameField.autoComplete} maxLength={MAX_NAME_LENGTH} data-testid={`${testIdPrefix}-name`} />
      </Form.Item>
      <EmailField testId={`${testIdPrefix}-email`} />
      <NewPasswordFields testIdPrefix={testIdPrefix} confirm={confirmPassword} />
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={pending} data-testid={`${testIdPrefix}-submit`}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}
