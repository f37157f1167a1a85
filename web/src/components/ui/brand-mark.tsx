import { HeartFilled } from './icons';
import { theme } from 'antd';

/** The square brand mark shown next to the channel name. */
export function BrandMark({ size = 32 }: { size?: number }) {
  const { token } = theme.useToken();
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: size / 4,
        background: `linear-gradient(135deg, ${token.colorPrimary}, ${token.colorPrimaryActive})`,
        color: '#fff',
        fontSize: size * 0.5,
        flex: 'none',
      }}
    >
      <HeartFilled />
    </span>
  );
}
