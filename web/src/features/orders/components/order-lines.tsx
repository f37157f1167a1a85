import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { LinePicture } from './line-picture';

export interface ReadOnlyLine {
  key: string;
  productTitle: string;
  variantName: string;
  image: { url: string; alt: string } | null;
  quantity: number;
  refundedQuantity?: number;
  listPriceMinor: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

/** The lines of an order (or of a cart at checkout), as they will be bought: picture, variant, price × quantity. */
export function OrderLines({ lines, currency, pictureSize = 56 }: { lines: ReadOnlyLine[]; currency: string; pictureSize?: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const money = useMoneyFormat();
  const amount = (minor: number) => money({ amountMinor: minor, currency });
  return (
    <Flex vertical data-testid="order-lines">
      {lines.map((line, i) => (
        <Flex
          key={line.key}
          gap={12}
          align="center"
          style={{ padding: '10px 0', borderTop: i === 0 ? undefined : `1px solid ${token.colorBorderSecondary}` }}
          data-testid="order-line"
        >
          <LinePicture image={line.image} size={pictureSize} />
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong ellipsis={{ tooltip: line.productTitle }}>
              {line.productTitle}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[line.variantName, t('orders.lines.times', { price: amount(line.unitPriceMinor), count: line.quantity })].filter(Boolean).join(' · ')}
              {line.unitPriceMinor < line.listPriceMinor ? (
                <>
                  {' '}
                  <del>{amount(line.listPriceMinor)}</del>
                </>
              ) : null}
            </Typography.Text>
            {line.refundedQuantity ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="line-refunded">
                {t('orders.lines.refunded', { count: line.refundedQuantity })}
              </Typography.Text>
            ) : null}
          </Flex>
          <Typography.Text strong style={{ flex: 'none' }}>
            {amount(line.lineTotalMinor)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
