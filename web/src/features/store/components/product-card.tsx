import { Card, Flex, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ShelfProduct } from '../types';
import { ProductImage } from './product-image';
import { ShelfPrice } from './shelf-price';

/** One product on the store page: picture, title, prices; out of stock when nothing is left. The title's link covers the card. */
export function ProductCard({ product }: { product: ShelfProduct }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const href = `/store/${product.slug}`;
  const open = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };
  const soldOut = product.price !== null && !product.inStock;

  return (
    <Card hoverable styles={{ body: { padding: 12 } }} style={{ overflow: 'hidden', position: 'relative', height: '100%' }} data-testid="product-card">
      <div style={{ position: 'relative', margin: -12, marginBottom: 10 }}>
        <ProductImage url={product.image?.url} alt={product.image?.alt ?? ''} iconSize={32} style={{ width: '100%', aspectRatio: '1 / 1', borderRadius: 0 }} />
        {soldOut ? (
          <Tag color="default" style={{ position: 'absolute', top: 8, insetInlineStart: 8, marginInlineEnd: 0 }} data-testid="card-out-of-stock">
            {t('storeSite.outOfStock')}
          </Tag>
        ) : null}
      </div>
      <Flex vertical gap={6}>
        {/* Two lines at most, clamped by CSS: no measuring copies of the title in the page. */}
        <Typography.Title
          level={3}
          style={{ margin: 0, fontSize: 15, lineHeight: 1.4, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
          data-testid="product-card-title"
        >
          <a href={href} onClick={open} className="fb-stretched-link" style={{ color: 'inherit' }}>
            {product.title}
          </a>
        </Typography.Title>
        <ShelfPrice product={product} />
      </Flex>
    </Card>
  );
}
