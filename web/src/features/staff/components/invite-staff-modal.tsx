import { UserOutlined } from '../../../components/ui/icons';
import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailField } from '../../../components/ui/account-fields';
import { CopyField } from '../../../components/ui/copy-field';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useCreateInvitation } from '../api/create-invitation';
import type { Invitation, InvitationInput } from '../types';

interface InviteStaffModalProps {
  open: boolean;
  onClose: () => void;
}

const FIELDS = ['email', 'name'] as const;

/** Owner only: invite a staff member, then hand over the invitation link. */
export function InviteStaffModal({ open, onClose }: InviteStaffModalProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const [form] = Form.useForm<InvitationInput>();
  const showError = useApiError();
  const create = useCreateInvitation();
  const [created, setCreated] = useState<Invitation | null>(null);

  const close = () => {
    onClose();
    setCreated(null);
    form.resetFields();
  };

  const onFinish = (values: InvitationInput) => {
    create.mutate(
      { email: values.email.trim(), name: values.name.trim() },
      { onSuccess: ({ invitation }) => setCreated(invitation), onError: (error) => showError(error, form, FIELDS) },
    );
  };

  const link = created ? (created.url ?? '') : '';
  const absoluteLink = link && !/^https?:\/\//.test(link) ? new URL(link, window.location.origin).toString() : link;

  return (
    <Modal
      open={open}
      title={created ? t('staff.invite.createdTitle') : t('staff.invite.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button key="submit" type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="invite-send">
              {t('staff.invite.submit')}
            </Button>,
          ]
        )
      }
    >
      {created ? (
        <Result
          status="success"
          style={{ padding: '16px 0 0' }}
          title={t('staff.invite.createdFor', { name: created.name })}
          subTitle={t('staff.invite.createdHelp', { email: created.email, date: dateTime(created.expiresAt) })}
          extra={absoluteLink ? <CopyField value={absoluteLink} testId="invitation-url" /> : <Alert type="warning" showIcon title={t('staff.invite.noLink')} />}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('staff.invite.help')}</Typography.Paragraph>
          <Form<InvitationInput> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="name"
              label={t('staff.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.nameRequired') },
                { max: 80, message: t('validation.maxLength', { count: 80 }) },
              ]}
            >
              <Input prefix={<UserOutlined />} maxLength={80} data-testid="invite-name" />
            </Form.Item>
            <EmailField testId="invite-email" autoComplete="off" />
          </Form>
        </>
      )}
    </Modal>
  );
}
