import { Alert, Button, Card, Col, Empty, Flex, Row, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { useCart } from '../../../features/orders/api/get-cart';
import { useRemoveCartLine } from '../../../features/orders/api/remove-cart-line';
import { useSetCartLine } from '../../../features/orders/api/set-cart-line';
import { CartLineItem } from '../../../features/orders/components/cart-line-item';
import { OrderTotals } from '../../../features/orders/components/order-totals';
import { useApiError } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SignedOutCard } from './signed-out';

/** The cart, phone-first: each line with its price and quantity (and what stops it being bought), the totals, checkout. */
export function CartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const showError = useApiError();
  const channel = useChannel();
  const me = useMe();
  const cart = useCart({ enabled: Boolean(me.data) });
  const setLine = useSetCartLine();
  const removeLine = useRemoveCartLine();
  const [busy, setBusy] = useState<string | null>(null);
  useDocumentTitle(t('orders.cart.title'), channel.data?.name);

  if (me.isPending || (me.data && cart.isPending)) return <PageLoader />;
  if (!me.data) return <SignedOutCard next="/cart" />;
  if (cart.isError) return <ErrorResult error={cart.error} onRetry={() => void cart.refetch()} />;
  const data = cart.data!;

  const done = { onError: (error: unknown) => showError(error), onSettled: () => setBusy(null) };
  const title = (
    <Typography.Title level={2} style={{ margin: 0 }}>
      {t('orders.cart.title')}
    </Typography.Title>
  );

  if (data.lines.length === 0) {
    return (
      <Flex vertical gap={16}>
        {title}
        <Card>
          <Empty description={t('orders.cart.empty')} data-testid="cart-empty">
            <Button type="primary" onClick={() => navigate('/store')}>
              {t('orders.cart.shop')}
            </Button>
          </Empty>
        </Card>
      </Flex>
    );
  }

  const problems = data.lines.filter((l) => l.problem).length;
  return (
    <Flex vertical gap={16}>
      {title}
      {problems > 0 ? <Alert type="warning" showIcon title={t('orders.cart.fixProblems', { count: problems })} data-testid="cart-problems" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={15}>
          <Card styles={{ body: { paddingBlock: 4 } }} data-testid="cart-lines">
            {data.lines.map((line, i) => (
              <div key={line.variantId} style={i === 0 ? undefined : { borderTop: `1px solid ${token.colorBorderSecondary}` }}>
                <CartLineItem
                  line={line}
                  busy={busy === line.variantId}
                  onOpenProduct={() => navigate(`/store/${line.productSlug}`)}
                  onQuantity={(quantity) => {
                    setBusy(line.variantId);
                    setLine.mutate({ variantId: line.variantId, quantity }, done);
                  }}
                  onRemove={() => {
                    setBusy(line.variantId);
                    removeLine.mutate(line.variantId, done);
                  }}
                />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={9}>
          <Card data-testid="cart-summary">
            <Flex vertical gap={16}>
              <OrderTotals
                currency={data.currency ?? 'CNY'}
                subtotalMinor={data.subtotalMinor}
                discountMinor={data.discountMinor}
                totalMinor={data.totalMinor}
                discount={data.discount}
              />
              <Button type="primary" size="large" block disabled={!data.canCheckout} onClick={() => navigate('/checkout')} data-testid="go-checkout">
                {t('orders.cart.checkout')}
              </Button>
              <Button type="link" onClick={() => navigate('/store')} style={{ padding: 0 }}>
                {t('orders.cart.keepShopping')}
              </Button>
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
