import { Flex, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductImage } from './product-image';

/** The product's pictures: the chosen one large and square, the others as thumbnails to pick from. */
export function ProductGallery({ images, title }: { images: { url: string; alt: string }[]; title: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];

  return (
    <Flex vertical gap={10} data-testid="product-gallery">
      <ProductImage
        url={current?.url}
        alt={current?.alt || title}
        iconSize={48}
        style={{ width: '100%', aspectRatio: '1 / 1', borderRadius: token.borderRadiusLG }}
      />
      {images.length > 1 ? (
        <Flex gap={8} style={{ overflowX: 'auto', paddingBottom: 2 }} role="group" aria-label={t('storeSite.pictures')}>
          {images.map((image, i) => (
            <button
              key={`${i}-${image.url}`}
              type="button"
              onClick={() => setIndex(i)}
              aria-label={t('storeSite.picture', { n: i + 1, count: images.length })}
              aria-pressed={i === index}
              style={{
                padding: 0,
                flex: 'none',
                border: `2px solid ${i === index ? token.colorPrimary : 'transparent'}`,
                borderRadius: token.borderRadius + 2,
                background: 'none',
                cursor: 'pointer',
              }}
              data-testid="gallery-thumb"
            >
              <ProductImage url={image.url} alt="" style={{ width: 56, height: 56 }} />
            </button>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
