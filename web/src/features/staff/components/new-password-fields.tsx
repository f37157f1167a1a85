import { LockOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 8;

/** Password + confirmation pair; `testIdPrefix` gives `<prefix>-password` and `<prefix>-confirm`. */
export function NewPasswordFields({ testIdPrefix }: { testIdPrefix: string }) {
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
          { max: 200, message: t('validation.maxLength', { count: 200 }) },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid={`${testIdPrefix}-password`} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordsMismatch'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid={`${testIdPrefix}-confirm`} />
      </Form.Item>
    </>
  );
}
