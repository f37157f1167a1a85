import { App, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useFestival } from '../../../features/festival/api/get-festival';
import { useReserveFestivalItem } from '../../../features/festival/api/reserve-festival-item';
import { FestivalHero } from '../../../features/festival/components/festival-hero';
import { FestivalItemCard } from '../../../features/festival/components/festival-item-card';
import { useServerClock } from '../../../features/festival/components/use-server-clock';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useApiError } from '../../../lib/use-api-error';

/** `/festivals/:slug`: the festival page, phone first: hero with countdown, items, reservations and the buy button; a won attempt goes to its order. */
export function FestivalPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const festival = useFestival(slug);
  const reserve = useReserveFestivalItem(slug);
  const now = useServerClock(festival.data?.serverTime, festival.dataUpdatedAt);
  useDocumentTitle(festival.data?.name ?? t('festivalSite.badge'));

  if (festival.isError) return <ErrorResult error={festival.error} onRetry={() => void festival.refetch()} />;
  if (!festival.data) return <PageLoader />;
  const f = festival.data;

  return (
    <Flex vertical gap={16} data-testid="festival-page">
      <FestivalHero festival={f} now={now} />
      <Typography.Text type="secondary" data-testid="festival-sale-note">
        {t('festivalSite.saleNote')}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {f.items.map((item) => (
          <Col key={item.id} xs={24} md={12}>
            <FestivalItemCard
              festival={f}
              item={item}
              now={now}
              busy={reserve.isPending && reserve.variables?.itemId === item.id}
              onWon={(won) => void navigate(`/orders/${won.order.id}`)}
              onSignIn={() => void navigate(`/login?next=${encodeURIComponent(`/festivals/${slug}`)}`)}
              onReserve={(yes) =>
                reserve.mutateAsync({ slug, itemId: item.id, reserve: yes }).then(
                  () => void message.success(yes ? t('festivalSite.reservedDone') : t('festivalSite.unreservedDone')),
                  (err: unknown) => showError(err),
                )
              }
            />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
