import { Alert, App, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannelSettings } from '../../../features/channel/api/get-channel-settings';
import { useCreateFestival } from '../../../features/festival/api/create-festival';
import { useAdminFestival } from '../../../features/festival/api/get-admin-festival';
import { useUpdateFestival } from '../../../features/festival/api/update-festival';
import { FestivalActions } from '../../../features/festival/components/festival-actions';
import { FestivalDemandCard } from '../../../features/festival/components/festival-demand-card';
import { FestivalForm } from '../../../features/festival/components/festival-form';
import { FestivalItemsCard } from '../../../features/festival/components/festival-items-card';
import { FestivalStatusTag } from '../../../features/festival/components/festival-status-tag';
import { FestivalTabs } from '../../../features/festival/components/festival-tabs';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatInZone } from '../../../lib/zoned-time';

const LIST_PATH = '/console/festivals';

/** `/console/festivals/new` and `/console/festivals/:id`: details, items, the demand forecast, publish/unpublish/cancel. */
export function FestivalEditorPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id } = useParams();
  const festival = useAdminFestival(id);
  const create = useCreateFestival();
  const update = useUpdateFestival();
  const timeZone = useChannelSettings().data?.timeZone ?? 'UTC';
  useDocumentTitle(festival.data?.name ?? t('festival.newTitle'), 'Fanbase');

  if (id && festival.isError) {
    return (
      <>
        <PageHeader title={t('nav.festival')} onBack={() => navigate(LIST_PATH)} backLabel={t('common.back')} />
        <ErrorResult error={festival.error} onRetry={() => void festival.refetch()} />
      </>
    );
  }
  if (id && !festival.data) return <PageLoader />;
  const f = festival.data;
  const beforeOpening = f ? Date.now() < new Date(f.firstOpensAt).getTime() : true;
  const editable = f ? f.status === 'draft' || (f.status === 'published' && beforeOpening) : false;
  const when = (iso: string) => formatInZone(iso, timeZone, i18n.resolvedLanguage ?? 'en');

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {f?.name ?? t('festival.newTitle')} {f ? <FestivalStatusTag status={f.status} /> : null}
          </Flex>
        }
        subtitle={
          f
            ? f.firstOpensAt === f.startsAt
              ? t('festival.dates', { start: when(f.startsAt), end: when(f.endsAt) })
              : t('festival.opensLine', { start: when(f.startsAt), end: when(f.endsAt), first: when(f.firstOpensAt) })
            : t('festival.newSubtitle')
        }
        onBack={() => navigate(LIST_PATH)}
        backLabel={t('common.back')}
        extra={f ? <FestivalActions festival={f} beforeOpening={beforeOpening} /> : null}
      />
      {f ? <FestivalTabs festival={f} active="details" /> : null}
      <Flex vertical gap={16}>
        {f?.status === 'published' ? <Alert type="info" showIcon title={t('festival.heldNotice')} /> : null}
        <Card title={t('festival.details')}>
          <FestivalForm
            festival={f}
            timeZone={timeZone}
            saving={create.isPending || update.isPending}
            onSave={async (input) => {
              if (f) {
                await update.mutateAsync({ id: f.id, input });
                void message.success(t('festival.saved'));
              } else {
                const created = await create.mutateAsync(input);
                void message.success(t('festival.created'));
                void navigate(`${LIST_PATH}/${created.id}`, { replace: true });
              }
            }}
          />
        </Card>
        {f ? (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <FestivalItemsCard festival={f} editable={editable} />
            </Col>
            <Col xs={24} xl={12}>
              <FestivalDemandCard festival={f} />
            </Col>
          </Row>
        ) : (
          <Typography.Text type="secondary">{t('festival.itemsAfterCreate')}</Typography.Text>
        )}
      </Flex>
    </>
  );
}
