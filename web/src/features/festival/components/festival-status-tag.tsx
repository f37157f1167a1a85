import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FestivalStatus } from '../types';

const COLORS: Record<FestivalStatus, string> = { draft: 'default', published: 'green', canceled: 'red' };

export function FestivalStatusTag({ status }: { status: FestivalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="festival-status">
      {t(`festival.status.${status}`)}
    </Tag>
  );
}
