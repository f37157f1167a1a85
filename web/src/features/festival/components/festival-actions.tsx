import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '../../../components/ui/icons';
import { useApiError } from '../../../lib/use-api-error';
import { useCancelFestival } from '../api/cancel-festival';
import { usePublishFestival } from '../api/publish-festival';
import { useUnpublishFestival } from '../api/unpublish-festival';
import type { AdminFestival } from '../types';

/** Publish (holds the quotas), unpublish before the sale opens, cancel (releases them), each confirmed; view on the fan site. */
export function FestivalActions({ festival, beforeOpening }: { festival: AdminFestival; beforeOpening: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const publish = usePublishFestival();
  const unpublish = useUnpublishFestival();
  const cancel = useCancelFestival();
  const run = (m: typeof publish, done: string) => () =>
    m.mutateAsync(festival.id).then(
      () => void message.success(done),
      (err: unknown) => showError(err),
    );
  const over = new Date(festival.endsAt).getTime() <= Date.now();

  return (
    <>
      {festival.status === 'published' ? (
        <Button icon={<ExportOutlined />} href={`/festivals/${festival.slug}`} target="_blank" data-testid="festival-view-live">
          {t('festival.viewLive')}
        </Button>
      ) : null}
      {festival.status !== 'canceled' && !over ? (
        <Popconfirm
          title={t('festival.cancelTitle')}
          description={t('festival.cancelBody')}
          okText={t('festival.cancel')}
          cancelText={t('common.back')}
          okButtonProps={{ danger: true }}
          onConfirm={run(cancel, t('festival.canceledDone'))}
        >
          <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="festival-cancel">
            {t('festival.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      {festival.status === 'published' && beforeOpening ? (
        <Popconfirm
          title={t('festival.unpublishTitle')}
          description={t('festival.unpublishBody')}
          okText={t('festival.unpublish')}
          cancelText={t('common.cancel')}
          onConfirm={run(unpublish, t('festival.unpublishedDone'))}
        >
          <Button icon={<RollbackOutlined />} loading={unpublish.isPending} data-testid="festival-unpublish">
            {t('festival.unpublish')}
          </Button>
        </Popconfirm>
      ) : null}
      {festival.status === 'draft' ? (
        <Popconfirm
          title={t('festival.publishTitle')}
          description={t('festival.publishBody')}
          okText={t('festival.publish')}
          cancelText={t('common.cancel')}
          onConfirm={run(publish, t('festival.publishedDone'))}
          okButtonProps={{ 'data-testid': 'festival-publish-confirm' }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="festival-publish">
            {t('festival.publish')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}
