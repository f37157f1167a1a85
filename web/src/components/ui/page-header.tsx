import { ArrowLeftOutlined } from './icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  onBack?: () => void;
  backLabel?: string;
}

/** Title row of a console page: optional back arrow, title, subtitle and actions on the right. */
export function PageHeader({ title, subtitle, extra, onBack, backLabel }: PageHeaderProps) {
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ marginBottom: 24 }}>
      <Flex align="flex-start" gap={12}>
        {onBack ? <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={backLabel} style={{ marginTop: 2 }} /> : null}
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {subtitle}
            </Typography.Text>
          ) : null}
        </div>
      </Flex>
      {extra ? (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
