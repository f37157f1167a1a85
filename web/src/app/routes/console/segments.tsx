import { PlusOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { SegmentDrawer } from '../../../features/segments/components/segment-drawer';
import { SegmentsTable } from '../../../features/segments/components/segments-table';
import type { Segment } from '../../../features/segments/types';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Segment counts filter on follow state, level and activity: the loyalty consumer keeps them. */
const CONSUMERS: StreamConsumer[] = ['loyalty.signals'];
const FIGURES = [queryKeys.consoleSegments];

type Editing = { segment?: Segment } | null;

/** Saved segments: live counts, create and edit in a drawer with a live count, delete. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Editing>(null);
  useDocumentTitle(t('nav.segments'), 'Fanbase');

  return (
    <>
      <PageHeader
        title={t('nav.segments')}
        subtitle={t('segments.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="new-segment">
            {t('segments.newButton')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <FiguresCatchingUp consumers={CONSUMERS} refresh={FIGURES} />
        <Card>
          <SegmentsTable segmentHref={(id) => `/console/segments/${id}`} onEdit={(segment) => setEditing({ segment })} onCreate={() => setEditing({})} />
        </Card>
      </Flex>
      <SegmentDrawer
        open={editing !== null}
        segment={editing?.segment}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          if (!editing?.segment) void navigate(`/console/segments/${saved.id}`);
        }}
      />
    </>
  );
}
