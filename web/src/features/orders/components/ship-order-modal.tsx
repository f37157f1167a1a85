import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useShipOrder } from '../api/ship-order';
import type { StaffOrder } from '../types';

/** Marks a paid order shipped: the carrier and the tracking number the fan will see. */
export function ShipOrderModal({ order, open, onClose }: { order: StaffOrder; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const ship = useShipOrder();
  const [form] = Form.useForm<{ carrier: string; trackingNumber: string }>();
  const required = { required: true, whitespace: true, message: t('orders.address.required') };

  return (
    <Modal
      open={open}
      title={t('ordersConsole.ship.title', { number: order.number })}
      okText={t('ordersConsole.ship.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: ship.isPending, 'data-testid': 'ship-submit' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ carrier: order.carrier ?? '', trackingNumber: order.trackingNumber ?? '' }}
        onFinish={(values) =>
          ship.mutate(
            { id: order.id, ...values },
            {
              onSuccess: () => {
                void message.success(t('ordersConsole.ship.done', { number: order.number }));
                onClose();
              },
              onError: (error) => showError(error, form, ['carrier', 'trackingNumber']),
            },
          )
        }
      >
        <Form.Item name="carrier" label={t('ordersConsole.ship.carrier')} rules={[required, { max: 60 }]}>
          <Input maxLength={60} placeholder={t('ordersConsole.ship.carrierPlaceholder')} data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('ordersConsole.ship.trackingNumber')} rules={[required, { max: 60 }]}>
          <Input maxLength={60} data-testid="ship-tracking" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
