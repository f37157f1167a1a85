import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { CrownOutlined } from '../../../components/ui/icons';
import { useMoneyFormat } from '../../../lib/format-money';
import type { ShelfProduct, ShelfVariant } from '../types';

/**
 * A product card's prices: the list price ("from" the lowest when variants differ); the member's
 * own price when they have one, else what members of the best-discounted tier pay.
 */
export function ShelfPrice({ product }: { product: ShelfProduct }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const money = useMoneyFormat();
  const { price, memberPrice, memberHint } = product;
  if (!price) return <Typography.Text type="secondary">{t('storeSite.unavailable')}</Typography.Text>;
  const range = price.minMinor !== price.maxMinor;
  const amount = (minor: number) => money({ amountMinor: minor, currency: price.currency });
  const priced = (minor: number) => (range ? t('storeSite.from', { price: amount(minor) }) : amount(minor));

  if (memberPrice) {
    return (
      <Flex vertical gap={0} data-testid="shelf-price">
        <Typography.Text strong style={{ fontSize: 16, color: token.colorPrimaryText }} data-testid="member-price">
          {priced(memberPrice.minMinor)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <CrownOutlined /> {t('storeSite.yourTierPrice', { tier: memberPrice.tier.name })} · <del>{amount(price.minMinor)}</del>
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={0} data-testid="shelf-price">
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="list-price">
        {priced(price.minMinor)}
      </Typography.Text>
      {memberHint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="member-hint">
          <CrownOutlined /> {t(range ? 'storeSite.membersPayFrom' : 'storeSite.membersPay', { tier: memberHint.tier.name, price: amount(memberHint.minMinor) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The chosen variant's price on the product page: the member's own price with the list price struck through, or the list price and what members pay. */
export function VariantPrice({ variant, membershipHref }: { variant: ShelfVariant; membershipHref: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const money = useMoneyFormat();
  const amount = (minor: number) => money({ amountMinor: minor, currency: variant.price.currency });
  const { memberPrice, memberHint } = variant;

  return (
    <Flex vertical gap={4} data-testid="variant-price">
      {memberPrice ? (
        <>
          <Flex align="baseline" gap={10} wrap>
            <Typography.Text strong style={{ fontSize: 28, color: token.colorPrimaryText, lineHeight: 1.2 }} data-testid="member-price">
              {amount(memberPrice.amountMinor)}
            </Typography.Text>
            <Typography.Text type="secondary" delete style={{ fontSize: 16 }} data-testid="list-price">
              {amount(variant.price.amountMinor)}
            </Typography.Text>
          </Flex>
          <Typography.Text style={{ color: token.colorPrimaryText }}>
            <CrownOutlined /> {t('storeSite.yourMemberPrice', { tier: memberPrice.tier.name, percent: memberPrice.percent })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text strong style={{ fontSize: 28, lineHeight: 1.2 }} data-testid="list-price">
          {amount(variant.price.amountMinor)}
        </Typography.Text>
      )}
      {memberHint ? (
        <Typography.Text type="secondary" data-testid="member-hint">
          <CrownOutlined /> {t('storeSite.membersPayPercent', { tier: memberHint.tier.name, price: amount(memberHint.amountMinor), percent: memberHint.percent })}{' '}
          <Typography.Link href={membershipHref}>{t('storeSite.becomeMember')}</Typography.Link>
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
