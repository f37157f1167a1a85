import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

interface AuthCardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Narrow centered card used by sign-up, log-in, setup and invitation pages. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <Flex justify="center" style={{ padding: '48px 16px' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: 24, textAlign: 'center' }}>
          <BrandMark size={44} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
        </Flex>
        {children}
        {footer ? (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Typography.Text type="secondary">{footer}</Typography.Text>
          </div>
        ) : null}
      </Card>
    </Flex>
  );
}
