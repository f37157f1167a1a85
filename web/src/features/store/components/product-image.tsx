import { theme } from 'antd';
import { useState, type CSSProperties } from 'react';
import { ShopOutlined } from '../../../components/ui/icons';

interface ProductImageProps {
  url: string | null | undefined;
  /** What the picture shows; empty when the product's title is right beside it. */
  alt: string;
  style?: CSSProperties;
  iconSize?: number;
}

/** A product picture by its address, cropped to its box; a shop icon when there is none or it does not load. */
export function ProductImage({ url, alt, style, iconSize = 20 }: ProductImageProps) {
  const { token } = theme.useToken();
  const [failed, setFailed] = useState<string | null>(null);
  const box: CSSProperties = { display: 'block', objectFit: 'cover', background: token.colorFillQuaternary, borderRadius: token.borderRadius, ...style };
  if (!url || failed === url) {
    return (
      <span style={{ ...box, display: 'flex', alignItems: 'center', justifyContent: 'center', color: token.colorTextQuaternary, fontSize: iconSize }}>
        <ShopOutlined />
      </span>
    );
  }
  return <img src={url} alt={alt} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(url)} style={box} />;
}
