import { Flex, Layout, theme } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';

/** Full-screen backdrop for the console's public pages (setup, log in, invitation). */
export function AuthScreen({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Layout
      style={{
        minHeight: '100vh',
        background: `linear-gradient(180deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 420px)`,
      }}
    >
      <Flex justify="flex-end" style={{ padding: '12px 20px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical justify="center" style={{ flex: 1, paddingBottom: 48 }}>
        {children}
      </Flex>
    </Layout>
  );
}
