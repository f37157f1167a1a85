import { Alert, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useAdminFestival } from '../../../features/festival/api/get-admin-festival';
import { useFestivalBoardStream } from '../../../features/festival/api/watch-festival-board';
import { FestivalBoardCards } from '../../../features/festival/components/festival-board-cards';
import { FestivalBoardCharts } from '../../../features/festival/components/festival-board-charts';
import { FestivalBoardItems } from '../../../features/festival/components/festival-board-items';
import { FestivalPageHeader } from '../../../features/festival/components/festival-page-header';
import { FestivalTabs } from '../../../features/festival/components/festival-tabs';
import { useDocumentTitle } from '../../../lib/use-document-title';

const CONNECTION_COLORS = { live: 'green', connecting: 'default', reconnecting: 'orange' } as const;

/** `/console/festivals/:id/board`: the festival's live board, updated every second over server-sent events. */
export function FestivalBoardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const festival = useAdminFestival(id);
  const live = useFestivalBoardStream(festival.data && festival.data.status !== 'draft' ? id : undefined);
  useDocumentTitle(festival.data ? `${t('festival.board.title')} · ${festival.data.name}` : t('festival.board.title'), 'Fanbase');

  if (festival.isError) return <ErrorResult error={festival.error} onRetry={() => void festival.refetch()} />;
  if (!festival.data) return <PageLoader />;
  const f = festival.data;
  const currency = f.items[0]?.price.currency ?? 'CNY';
  return (
    <>
      <FestivalPageHeader
        festival={f}
        subtitle={t('festival.board.subtitle')}
        extra={
          f.status === 'draft' ? null : (
            <Tag color={CONNECTION_COLORS[live.connection]} data-testid="board-connection" data-state={live.connection}>
              {t(`festival.board.${live.connection}`)}
            </Tag>
          )
        }
      />
      <FestivalTabs festival={f} active="board" />
      {f.status === 'draft' ? (
        <Alert type="info" showIcon title={t('festival.board.draft')} />
      ) : (
        <Flex vertical gap={16}>
          {live.connection === 'reconnecting' ? (
            <Alert type="warning" showIcon title={t('festival.board.reconnectingBody')} data-testid="board-reconnecting" />
          ) : null}
          {live.board ? (
            <>
              <FestivalBoardCards board={live.board} currency={currency} />
              <FestivalBoardCharts board={live.board} history={live.history} />
              <FestivalBoardItems board={live.board} festival={f} />
            </>
          ) : (
            <PageLoader />
          )}
        </Flex>
      )}
    </>
  );
}
