import { Card, Col, Divider, Flex, Row, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShelfProductDetail, ShelfVariant } from '../types';
import { ProductDescription } from './product-description';
import { ProductGallery } from './product-gallery';
import { VariantPrice } from './shelf-price';
import { VariantPicker } from './variant-picker';

/**
 * One product on the fan site: pictures, title, the chosen variant's price (the member's own, or
 * what members pay), the variant picker, stock, and the description. `purchase` renders what buys
 * the chosen variant (the page composes the cart's "Add to cart" there).
 */
export function StoreProductView({
  product,
  membershipHref,
  purchase,
}: {
  product: ShelfProductDetail;
  membershipHref: string;
  purchase?: (variant: ShelfVariant) => ReactNode;
}) {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = product.variants.find((v) => v.id === chosenId) ?? product.variants.find((v) => v.inStock) ?? product.variants[0];

  return (
    <Card styles={{ body: { padding: 'clamp(12px, 4vw, 24px)' } }} data-testid="store-product">
      <Row gutter={[24, 20]}>
        <Col xs={24} md={11}>
          <ProductGallery images={product.images} title={product.title} />
        </Col>
        <Col xs={24} md={13}>
          <Flex vertical gap={16}>
            <div>
              {product.categories.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {product.categories.map((c) => c.name).join(' · ')}
                </Typography.Text>
              ) : null}
              <Typography.Title level={1} style={{ margin: 0, fontSize: 'clamp(22px, 5vw, 28px)', lineHeight: 1.3 }} data-testid="product-title">
                {product.title}
              </Typography.Title>
            </div>
            {chosen ? (
              <>
                <VariantPrice variant={chosen} membershipHref={membershipHref} />
                <VariantPicker variants={product.variants} value={chosen} onChange={(v) => setChosenId(v.id)} />
                <Flex gap={8} align="center" wrap data-testid="stock-line">
                  {chosen.inStock ? (
                    <Tag color="green" style={{ marginInlineEnd: 0 }}>
                      {t('storeSite.inStock')}
                    </Tag>
                  ) : (
                    <Tag color="default" style={{ marginInlineEnd: 0 }} data-testid="out-of-stock">
                      {t('storeSite.outOfStock')}
                    </Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {product.variants.length > 1 ? `${chosen.name} · ` : ''}
                    {t('storeSite.sku', { sku: chosen.sku })}
                    {chosen.weightGrams > 0 ? ` · ${t('storeSite.weight', { grams: chosen.weightGrams })}` : ''}
                  </Typography.Text>
                </Flex>
              </>
            ) : (
              <Typography.Text type="secondary" data-testid="product-unavailable">
                {t('storeSite.unavailableLong')}
              </Typography.Text>
            )}
            {chosen && purchase ? purchase(chosen) : null}
          </Flex>
        </Col>
      </Row>
      {product.descriptionHtml.trim() ? (
        <>
          <Divider />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t('storeSite.details')}
          </Typography.Title>
          <ProductDescription html={product.descriptionHtml} testId="product-description" />
        </>
      ) : null}
    </Card>
  );
}
