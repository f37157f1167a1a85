import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useStaffCancelOrder } from '../api/staff-cancel-order';
import type { StaffOrder } from '../types';

/** Staff cancel an unpaid order, with a note for the record; its stock goes back. */
export function StaffCancelModal({ order, open, onClose }: { order: StaffOrder; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const cancel = useStaffCancelOrder();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={open}
      title={t('ordersConsole.cancel.title', { number: order.number })}
      okText={t('ordersConsole.cancel.ok')}
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'staff-cancel-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ordersConsole.cancel.body')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          cancel.mutate(
            { id: order.id, note: values.note ?? '' },
            {
              onSuccess: () => {
                void message.success(t('ordersConsole.cancel.done', { number: order.number }));
                onClose();
              },
              onError: (error) => showError(error, form, ['note']),
            },
          )
        }
      >
        <Form.Item name="note" label={t('ordersConsole.cancel.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
