import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FanStatus } from '../../segments/types';

const COLORS: Record<FanStatus, string> = {
  following: 'green',
  unfollowed: 'orange',
  never_followed: 'default',
};

const LABELS = {
  following: 'fanStatus.following',
  unfollowed: 'fanStatus.unfollowed',
  never_followed: 'fanStatus.never_followed',
} as const satisfies Record<FanStatus, string>;

export function useFanStatusLabel() {
  const { t } = useTranslation();
  return (status: FanStatus): string => (status in LABELS ? t(LABELS[status]) : status);
}

export function FanStatusTag({ status }: { status: FanStatus }) {
  const label = useFanStatusLabel();
  return (
    <Tag color={COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label(status)}
    </Tag>
  );
}
