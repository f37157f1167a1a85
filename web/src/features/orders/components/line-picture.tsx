import { theme } from 'antd';
import { useState } from 'react';
import { ShopOutlined } from '../../../components/ui/icons';

/** A line's product picture in a square box; a shop icon when there is none or it does not load. */
export function LinePicture({ image, size }: { image: { url: string; alt: string } | null; size: number }) {
  const { token } = theme.useToken();
  const [failed, setFailed] = useState(false);
  const box = { width: size, height: size, borderRadius: token.borderRadius, background: token.colorFillQuaternary, flex: 'none' as const };
  if (!image || failed) {
    return (
      <span style={{ ...box, display: 'flex', alignItems: 'center', justifyContent: 'center', color: token.colorTextQuaternary, fontSize: size / 3 }}>
        <ShopOutlined />
      </span>
    );
  }
  return (
    <img
      src={image.url}
      alt={image.alt}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      style={{ ...box, display: 'block', objectFit: 'cover' }}
    />
  );
}
