import { KeyOutlined } from '../../../components/ui/icons';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useCreateToken } from '../api/create-token';
import type { CreatedToken } from '../token-types';

interface CreateTokenModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}

/** Name a new API token; the secret is handed to `onCreated` to show once. */
export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const showError = useApiError();
  const create = useCreateToken();

  return (
    <Modal
      open={open}
      title={t('tokens.create.title')}
      okText={t('tokens.create.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'token-create-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('tokens.create.help')}</Typography.Paragraph>
      <Form<{ name: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ name }) =>
          create.mutate(name.trim(), {
            onSuccess: (created) => {
              form.resetFields();
              onCreated(created);
            },
            onError: (error) => showError(error, form, ['name']),
          })
        }
      >
        <Form.Item
          name="name"
          label={t('tokens.fields.name')}
          extra={t('tokens.create.nameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.tokenNameRequired') },
            { max: 80, message: t('validation.maxLength', { count: 80 }) },
          ]}
        >
          <Input prefix={<KeyOutlined />} maxLength={80} autoFocus data-testid="token-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
