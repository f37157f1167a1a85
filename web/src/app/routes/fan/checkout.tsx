import { Alert, Button, Card, Col, Flex, Form, Input, Result, Row, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { RouterLink } from '../../../components/ui/router-link';
import { ArrowLeftOutlined } from '../../../components/ui/icons';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { useCheckout } from '../../../features/orders/api/checkout';
import { useCart } from '../../../features/orders/api/get-cart';
import { AddressFields } from '../../../features/orders/components/address-fields';
import { OrderLines } from '../../../features/orders/components/order-lines';
import { OrderTotals } from '../../../features/orders/components/order-totals';
import { usePayAction } from '../../../features/orders/components/use-pay-action';
import type { Address } from '../../../features/orders/types';
import { isApiError } from '../../../lib/api-client';
import { useMoneyFormat } from '../../../lib/format-money';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useApiError } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SignedOutCard } from './signed-out';

interface CheckoutForm {
  address: Address;
  note: string;
}

/**
 * Checkout, phone-first: where to send the order, a note, what is bought and its total; placing
 * the order starts its payment. One idempotency key per attempt: a double tap or a retry after a
 * lost answer gets the same order, never a second one; a refused attempt (the total changed) starts
 * a new one.
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMoneyFormat();
  const showError = useApiError();
  const channel = useChannel();
  const me = useMe();
  const cart = useCart({ enabled: Boolean(me.data) });
  const checkout = useCheckout();
  const follow = usePayAction();
  const [form] = Form.useForm<CheckoutForm>();
  const attempt = useRef(newIdempotencyKey());
  const submitting = useRef(false);
  const [priceChanged, setPriceChanged] = useState<{ from: number; to: number | null } | null>(null);
  const [leaving, setLeaving] = useState(false);
  useDocumentTitle(t('orders.checkout.title'), channel.data?.name);

  if (me.isPending || (me.data && cart.isPending)) return <PageLoader />;
  if (!me.data) return <SignedOutCard next="/checkout" />;
  if (cart.isError) return <ErrorResult error={cart.error} onRetry={() => void cart.refetch()} />;
  const data = cart.data!;
  const currency = data.currency ?? 'CNY';
  const amount = (minor: number) => money({ amountMinor: minor, currency });

  const back = (
    <div>
      <RouterLink to="/cart" testId="back-to-cart">
        <ArrowLeftOutlined /> {t('orders.checkout.backToCart')}
      </RouterLink>
    </div>
  );

  if (!data.canCheckout && !leaving && !checkout.isPending) {
    return (
      <Flex vertical gap={16}>
        {back}
        <Card>
          <Result
            status="info"
            title={data.lines.length === 0 ? t('orders.cart.empty') : t('orders.checkout.fixCart')}
            extra={
              <Button type="primary" onClick={() => navigate(data.lines.length === 0 ? '/store' : '/cart')}>
                {data.lines.length === 0 ? t('orders.cart.shop') : t('orders.checkout.backToCart')}
              </Button>
            }
          />
        </Card>
      </Flex>
    );
  }

  const place = (values: CheckoutForm) => {
    // A double tap submits twice before the mutation's pending state renders: the ref stops the
    // second at once (a second request with the same key would be answered 409 in_progress, and
    // only the last call's callbacks run, so the page would show that error instead of paying).
    if (submitting.current || checkout.isPending || leaving) return;
    submitting.current = true;
    const shown = data.totalMinor;
    checkout.mutate(
      { input: { address: values.address, note: values.note ?? '', expectedTotalMinor: shown }, idempotencyKey: attempt.current },
      {
        onSuccess: (result) => {
          setLeaving(true);
          follow(result);
        },
        onError: (error) => {
          submitting.current = false;
          // An answer that refused the order made nothing: the next try is a new attempt.
          // No answer (network, 5xx): the order may exist, so the retry keeps the key.
          if (isApiError(error) && error.status >= 400 && error.status < 500) attempt.current = newIdempotencyKey();
          if (isApiError(error) && error.code === 'order.price_changed') {
            setPriceChanged({ from: shown, to: typeof error.params.totalMinor === 'number' ? error.params.totalMinor : null });
            void cart.refetch();
            return;
          }
          if (isApiError(error) && error.status === 409) void cart.refetch();
          showError(error, form, ['address.name', 'address.phone', 'address.region', 'address.line', 'address.postcode', 'note']);
        },
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      {back}
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('orders.checkout.title')}
      </Typography.Title>
      {priceChanged && (priceChanged.to ?? data.totalMinor) !== priceChanged.from ? (
        <Alert
          type="warning"
          showIcon
          title={t('orders.checkout.priceChanged', { from: amount(priceChanged.from), to: amount(data.totalMinor) })}
          description={t('orders.checkout.priceChangedBody')}
          data-testid="price-changed"
        />
      ) : null}
      <Form<CheckoutForm> form={form} layout="vertical" requiredMark={false} onFinish={place} initialValues={{ note: '', address: { postcode: '' } }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={14}>
            <Card title={t('orders.checkout.address')}>
              <AddressFields />
              <Form.Item
                name="note"
                label={t('orders.checkout.note')}
                rules={[{ max: 500, message: t('orders.address.tooLong', { max: 500 }) }]}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={500}
                  placeholder={t('orders.checkout.notePlaceholder')}
                  data-testid="checkout-note"
                />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} md={10}>
            <Card title={t('orders.checkout.summary')} data-testid="checkout-summary">
              <Flex vertical gap={16}>
                <OrderLines lines={data.lines.map((l) => ({ ...l, key: l.variantId }))} currency={currency} pictureSize={48} />
                <OrderTotals
                  currency={currency}
                  subtotalMinor={data.subtotalMinor}
                  discountMinor={data.discountMinor}
                  totalMinor={data.totalMinor}
                  discount={data.discount}
                />
                <Button type="primary" size="large" block htmlType="submit" loading={checkout.isPending || leaving} data-testid="place-order">
                  {priceChanged ? t('orders.checkout.placeAt', { total: amount(data.totalMinor) }) : t('orders.checkout.place')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('orders.checkout.payRule')}
                </Typography.Text>
              </Flex>
            </Card>
          </Col>
        </Row>
      </Form>
    </Flex>
  );
}
