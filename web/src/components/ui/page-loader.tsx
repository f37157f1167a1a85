import { Flex, Spin } from 'antd';

/** Centered spinner for a page (or the whole screen) that is still loading. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 320, width: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
