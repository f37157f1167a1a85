import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LevelTag } from './level-tag';
import { RankedFansTable, type RankedFansPageProps } from './ranked-fans-table';
import { RuleProgress } from './rule-progress';
import { strictestPerSignal } from './rule-results';

/** Fans closest to level 4, closest first, each with what they still miss as progress bars. */
export function CandidatesTable(props: RankedFansPageProps) {
  const { t } = useTranslation();
  const { page, pageSize } = props;
  return (
    <RankedFansTable
      {...props}
      testId="candidates-table"
      fanWidth={250}
      before={[
        {
          title: '#',
          key: 'rank',
          width: 48,
          render: (_, __, index) => <Typography.Text type="secondary">{(page - 1) * pageSize + index + 1}</Typography.Text>,
        },
      ]}
      after={[
        { title: t('loyalty.columns.level'), key: 'level', width: 150, render: (_, row) => <LevelTag level={row.level} /> },
        {
          title: t('loyalty.columns.missing'),
          key: 'missing',
          render: (_, row) => (
            <Flex vertical gap={6} style={{ maxWidth: 420 }}>
              {strictestPerSignal(row.missing).map((rule) => (
                <RuleProgress key={`${rule.level}-${rule.signal}`} rule={rule} compact />
              ))}
            </Flex>
          ),
        },
      ]}
      totalText={(count) => t('loyalty.candidatesTotal', { count })}
      emptyText={t('loyalty.noCandidates')}
    />
  );
}
