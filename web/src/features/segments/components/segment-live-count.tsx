import { LoadingOutlined, TeamOutlined } from '../../../components/ui/icons';
import { Alert, Flex, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useErrorText } from '../../../lib/use-api-error';
import { useSegmentPreview } from '../../segments/api/preview-segment';
import type { SegmentFilter } from '../../segments/types';
import { isSendable } from '../../segments/components/segment-form-values';

const DEBOUNCE_MS = 400;

/** How many fans the filter being built matches, asked again as the filter settles (only while `active`). */
export function SegmentLiveCount({ filter, active }: { filter: SegmentFilter; active: boolean }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  // Compared by value: the form hands over a fresh object on every keystroke.
  const settledKey = useDebouncedValue(JSON.stringify(filter), DEBOUNCE_MS);
  const settled = JSON.parse(settledKey) as SegmentFilter;
  const sendable = isSendable(settled);
  const preview = useSegmentPreview(settled, { enabled: sendable && active });
  const typing = settledKey !== JSON.stringify(filter);
  const busy = typing || preview.isFetching;

  return (
    <Flex
      vertical
      gap={4}
      // Stays in view while the filter fields scroll under it.
      style={{
        padding: '12px 16px',
        borderRadius: token.borderRadiusLG,
        background: token.colorPrimaryBg,
        marginBottom: 24,
        position: 'sticky',
        top: 0,
        zIndex: 2,
      }}
      aria-live="polite"
    >
      <Flex align="center" justify="space-between" gap={12}>
        <Statistic
          title={t('segments.liveCount')}
          value={sendable && preview.data ? preview.data.count : '—'}
          formatter={(value) => (typeof value === 'number' ? new Intl.NumberFormat(i18n.resolvedLanguage).format(value) : value)}
          prefix={<TeamOutlined />}
          suffix={sendable && preview.data ? t('segments.fansUnit', { count: preview.data.count }) : undefined}
          styles={{ content: { opacity: busy ? 0.5 : 1, transition: 'opacity 0.2s' } }}
          data-testid="segment-count"
          data-count={sendable && preview.data && !busy ? preview.data.count : undefined}
        />
        {busy && sendable ? <LoadingOutlined style={{ color: token.colorPrimary }} /> : null}
      </Flex>
      {Object.keys(settled).length === 0 ? <Typography.Text type="secondary">{t('segments.noFilter')}</Typography.Text> : null}
      {!sendable ? <Typography.Text type="warning">{t('segments.fixFilter')}</Typography.Text> : null}
      {preview.isError && sendable ? <Alert type="error" showIcon title={errorText(preview.error)} /> : null}
    </Flex>
  );
}
