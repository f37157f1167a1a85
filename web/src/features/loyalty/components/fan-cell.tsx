import { Avatar, Flex, Typography } from 'antd';
import { RouterLink } from '../../../components/ui/router-link';
import type { RankedFanPerson } from '../types';

/** Avatar, name (a link to the fan's page) and email. */
export function FanCell({ fan, href }: { fan: RankedFanPerson; href: string }) {
  return (
    <Flex align="center" gap={10} style={{ minWidth: 0 }}>
      <Avatar size="small" style={{ flex: 'none' }} aria-hidden>
        {fan.displayName.charAt(0).toUpperCase()}
      </Avatar>
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text ellipsis={{ tooltip: fan.displayName }}>
          <RouterLink to={href} testId="fan-link">
            {fan.displayName}
          </RouterLink>
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {fan.email}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
