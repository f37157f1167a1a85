import { EditOutlined, SyncOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useLoyaltyJobs } from '../api/get-loyalty-jobs';
import { useLoyaltyRules } from '../api/get-loyalty-rules';
import { useRecomputeLoyalty } from '../api/recompute-loyalty';
import { isActiveRun, RULE_LEVELS } from '../types';
import { LadderRulesDrawer } from './ladder-rules-drawer';
import { LevelTag } from './level-tag';
import { LoyaltyJobsStatus } from './loyalty-jobs-status';
import { useRuleText } from './use-rule-text';

/** The ladder at a glance (what each level needs, the grace period), with edit and "recompute now". */
export function LadderRulesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const { ruleLabel } = useRuleText();
  const rules = useLoyaltyRules();
  const jobs = useLoyaltyJobs();
  const recompute = useRecomputeLoyalty();
  const [editing, setEditing] = useState(false);
  const recomputing = recompute.isPending || isActiveRun(jobs.data?.recompute);

  const onRecompute = () =>
    recompute.mutate(undefined, {
      onSuccess: () => void message.success(t('loyalty.recompute.started')),
      onError: (error) => showError(error),
    });

  return (
    <Card
      title={t('loyalty.rules.title')}
      style={{ height: '100%' }}
      extra={
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!rules.data} data-testid="edit-rules">
          {t('loyalty.rules.edit')}
        </Button>
      }
      data-testid="ladder-rules"
    >
      {rules.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(rules.error)} />
      ) : rules.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Flex vertical gap={10}>
          {RULE_LEVELS.map((level) => {
            const own = rules.data.rules.filter((rule) => rule.level === level);
            return (
              <Flex key={level} gap={8} align="baseline" wrap>
                <div style={{ width: 132, flex: 'none' }}>
                  <LevelTag level={level} />
                </div>
                <Flex wrap gap={4} style={{ flex: 1 }}>
                  {own.length === 0 ? (
                    <Typography.Text type="warning">{t('loyalty.rules.noRules')}</Typography.Text>
                  ) : (
                    own.map((rule) => (
                      <Tag key={rule.signal} variant="filled" style={{ marginInlineEnd: 0 }}>
                        {ruleLabel(rule)}
                      </Tag>
                    ))
                  )}
                </Flex>
              </Flex>
            );
          })}
          <Typography.Text type="secondary">{t('loyalty.rules.summary', { count: rules.data.graceDays })}</Typography.Text>
          <LoyaltyJobsStatus jobs={jobs.data} />
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('loyalty.recompute.help')}
            </Typography.Text>
            <Button icon={<SyncOutlined spin={recomputing} />} disabled={recomputing} onClick={onRecompute} data-testid="recompute">
              {recomputing ? t('loyalty.recompute.running') : t('loyalty.recompute.button')}
            </Button>
          </Flex>
        </Flex>
      )}
      <LadderRulesDrawer open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}
