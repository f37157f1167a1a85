import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AdminFestival } from '../types';

export type FestivalTab = 'details' | 'board' | 'report';

/** The festival's console pages: details and items, the live board, and (once it is over) the report. */
export function FestivalTabs({ festival, active }: { festival: AdminFestival; active: FestivalTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const base = `/console/festivals/${festival.id}`;
  const over = festival.status === 'canceled' || new Date(festival.endsAt).getTime() <= Date.now();
  const paths: Record<FestivalTab, string> = { details: base, board: `${base}/board`, report: `${base}/report` };
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(paths[key as FestivalTab])}
      data-testid="festival-tabs"
      items={[
        { key: 'details', label: t('festival.tabs.details') },
        { key: 'board', label: t('festival.tabs.board'), disabled: festival.status === 'draft' },
        { key: 'report', label: over ? t('festival.tabs.report') : t('festival.tabs.reportAfter'), disabled: !over },
      ]}
    />
  );
}
