import { Typography } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

interface RouterLinkProps {
  to: string;
  children: ReactNode;
  testId?: string;
}

/** An antd-styled link that navigates inside the app without a page load. */
export function RouterLink({ to, children, testId }: RouterLinkProps) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(to);
  };
  return (
    <Typography.Link href={to} onClick={onClick} data-testid={testId}>
      {children}
    </Typography.Link>
  );
}
