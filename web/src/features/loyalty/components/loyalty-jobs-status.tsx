import { Alert, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { isActiveRun, type JobRun, type LoyaltyJobs } from '../types';

function RunProgress({ run, label }: { run: JobRun; label: string }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.resolvedLanguage);
  const percent = run.total ? Math.min(100, Math.floor((run.done / run.total) * 100)) : 0;
  return (
    <Flex vertical gap={2} data-testid="job-progress" data-job={run.name}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {run.status === 'queued' || !run.total ? t('loyalty.jobs.queued') : t('loyalty.jobs.progress', { done: n.format(run.done), total: n.format(run.total) })}
        </Typography.Text>
      </Flex>
      <Progress percent={percent} size="small" status="active" showInfo={false} style={{ margin: 0 }} />
    </Flex>
  );
}

/**
 * What the background loyalty jobs are doing: a bar while fans are re-levelled or recomputed,
 * otherwise when the last full recompute ran and what it changed, or why it failed.
 */
export function LoyaltyJobsStatus({ jobs }: { jobs: LoyaltyJobs | undefined }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  if (!jobs) return null;
  const { relevel, recompute, lastRecompute } = jobs;
  const failed = [relevel, recompute].find((run) => run?.status === 'failed');
  const last = lastRecompute?.status === 'succeeded' ? lastRecompute : null;
  const result = (last?.result ?? {}) as { fans?: number; changed?: number; seconds?: number };
  return (
    <Flex vertical gap={8} data-testid="loyalty-jobs">
      {isActiveRun(relevel) ? <RunProgress run={relevel} label={t('loyalty.jobs.relevel')} /> : null}
      {isActiveRun(recompute) ? <RunProgress run={recompute} label={t('loyalty.jobs.recompute')} /> : null}
      {failed ? <Alert type="error" showIcon title={t('loyalty.jobs.failed', { error: failed.error ?? '' })} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {last
          ? t('loyalty.jobs.lastRecompute', {
              date: dateTime(last.finishedAt),
              count: result.fans ?? 0,
              changed: result.changed ?? 0,
              seconds: result.seconds ?? 0,
            })
          : t('loyalty.jobs.neverRecomputed')}
      </Typography.Text>
    </Flex>
  );
}
