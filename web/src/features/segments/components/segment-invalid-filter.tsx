import { WarningOutlined } from '../../../components/ui/icons';
import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../segments/types';

type InvalidFilter = Segment['invalidFilter'];

/** The hint, then what the API says is wrong with the saved filter, field by field (its own English text). */
const explain = (hint: string, problem: InvalidFilter) => [hint, ...(problem?.details ?? []).map((d) => `${d.path}: ${d.message}`)].join('\n');

/** In the segment list: the saved filter no longer parses; the tooltip says why. */
export function SegmentInvalidFilterTag({ problem }: { problem: InvalidFilter }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{explain(t('segments.invalidFilter.hint'), problem)}</span>}>
      <Tag color="error" icon={<WarningOutlined />} variant="filled" data-testid="segment-invalid-filter">
        {t('segments.invalidFilter.tag')}
      </Tag>
    </Tooltip>
  );
}

/** On the segment page: why it matches nobody for now, and what to do. */
export function SegmentInvalidFilterAlert({ problem }: { problem: InvalidFilter }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('segments.invalidFilter.title')}
      description={<span style={{ whiteSpace: 'pre-line' }}>{explain(t('segments.invalidFilter.hint'), problem)}</span>}
      data-testid="segment-invalid-filter"
    />
  );
}
