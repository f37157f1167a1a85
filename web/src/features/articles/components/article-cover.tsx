import { ReadOutlined } from '../../../components/ui/icons';
import { theme } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';

interface ArticleCoverProps {
  url: string | null;
  alt: string;
  style?: CSSProperties;
  /** What shows when there is no image or it fails to load. */
  fallback?: 'placeholder' | 'none';
}

/** The cover image, or a soft placeholder when there is none or it fails to load. */
export function ArticleCover({ url, alt, style, fallback = 'placeholder' }: ArticleCoverProps) {
  const { token } = theme.useToken();
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [url]);

  const box: CSSProperties = { borderRadius: token.borderRadiusLG, overflow: 'hidden', flex: 'none', ...style };
  if (!url || failed) {
    if (fallback === 'none') return null;
    return (
      <div
        aria-hidden
        style={{
          ...box,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: `linear-gradient(135deg, ${token.colorPrimaryBg}, ${token.colorPrimaryBgHover})`,
          color: token.colorPrimary,
          fontSize: 32,
        }}
      >
        <ReadOutlined />
      </div>
    );
  }
  return (
    <img
      src={url}
      alt={alt}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      style={{ ...box, display: 'block', objectFit: 'cover', background: token.colorFillTertiary }}
    />
  );
}
