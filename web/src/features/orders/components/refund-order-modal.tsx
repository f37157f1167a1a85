import { App, Checkbox, Flex, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { useRefundOrder } from '../api/refund-order';
import type { StaffOrder } from '../types';

/**
 * Refunds an order, whole or chosen lines with quantities (never more than was bought and not
 * yet refunded), with a reason; a second step asks to confirm the amount before any money moves.
 */
export function RefundOrderModal({ order, open, onClose }: { order: StaffOrder; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const money = useMoneyFormat();
  const showError = useApiError();
  const refund = useRefundOrder();
  const [whole, setWhole] = useState(true);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const left = (l: StaffOrder['lines'][number]) => l.quantity - l.refundedQuantity;
  const refundable = order.lines.filter((l) => left(l) > 0);
  const picked = Object.entries(chosen).filter(([, q]) => q > 0);
  const amount = whole
    ? order.totalMinor - order.refundedMinor
    : picked.reduce((sum, [lineId, q]) => sum + (order.lines.find((l) => l.id === lineId)?.unitPriceMinor ?? 0) * q, 0);
  const amountText = money({ amountMinor: amount, currency: order.currency });

  const submit = () =>
    modal.confirm({
      title: t('ordersConsole.refund.confirmTitle', { amount: amountText, number: order.number }),
      content: t('ordersConsole.refund.confirmBody'),
      okText: t('ordersConsole.refund.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'refund-confirm' },
      onOk: () =>
        refund.mutateAsync({ id: order.id, reason, ...(whole ? {} : { lines: picked.map(([lineId, quantity]) => ({ lineId, quantity })) }) }).then(
          () => {
            void message.success(t('ordersConsole.refund.done', { amount: amountText }));
            onClose();
          },
          (error: unknown) => showError(error),
        ),
    });

  return (
    <Modal
      open={open}
      title={t('ordersConsole.refund.title', { number: order.number })}
      okText={t('ordersConsole.refund.ok', { amount: amountText })}
      okButtonProps={{ danger: true, disabled: amount <= 0, loading: refund.isPending, 'data-testid': 'refund-submit' }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setWhole(true);
          setChosen({});
          setReason('');
        }
      }}
    >
      <Flex vertical gap={16}>
        <Radio.Group
          value={whole ? 'whole' : 'lines'}
          onChange={(event) => setWhole(event.target.value === 'whole')}
          options={[
            { value: 'whole', label: t('ordersConsole.refund.whole') },
            { value: 'lines', label: t('ordersConsole.refund.lines'), disabled: refundable.length === 0 },
          ]}
          data-testid="refund-scope"
        />
        {whole ? null : (
          <Flex vertical gap={8} data-testid="refund-lines">
            {refundable.map((line) => (
              <Flex key={line.id} gap={8} align="center" justify="space-between">
                <Checkbox
                  checked={(chosen[line.id] ?? 0) > 0}
                  onChange={(event) => setChosen((c) => ({ ...c, [line.id]: event.target.checked ? left(line) : 0 }))}
                  style={{ minWidth: 0 }}
                >
                  <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                    {line.productTitle}
                    {line.variantName ? ` · ${line.variantName}` : ''}
                  </Typography.Text>
                </Checkbox>
                <InputNumber
                  min={0}
                  max={left(line)}
                  precision={0}
                  value={chosen[line.id] ?? 0}
                  onChange={(q) => setChosen((c) => ({ ...c, [line.id]: typeof q === 'number' ? q : 0 }))}
                  suffix={`/ ${left(line)}`}
                  style={{ width: 110 }}
                  aria-label={t('orders.cart.quantity')}
                />
              </Flex>
            ))}
          </Flex>
        )}
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('ordersConsole.refund.reason')}
          data-testid="refund-reason"
        />
        <Typography.Text type="secondary">{t('ordersConsole.refund.rule')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
