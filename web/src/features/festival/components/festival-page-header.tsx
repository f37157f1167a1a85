import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import type { AdminFestival } from '../types';
import { FestivalStatusTag } from './festival-status-tag';

/** The header of a festival's console tabs (live board, report): its name and status, back to the list. */
export function FestivalPageHeader({ festival, subtitle, extra }: { festival: AdminFestival; subtitle: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <PageHeader
      title={
        <Flex gap={8} align="center">
          {festival.name} <FestivalStatusTag status={festival.status} />
        </Flex>
      }
      subtitle={subtitle}
      onBack={() => void navigate('/console/festivals')}
      backLabel={t('common.back')}
      extra={extra}
    />
  );
}
