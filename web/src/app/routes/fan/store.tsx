import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useChannel } from '../../../features/channel/api/get-channel';
import { FestivalBanner } from '../../../features/festival/components/festival-banner';
import { StoreShelf } from '../../../features/store/components/store-shelf';
import { useDocumentTitle } from '../../../lib/use-document-title';

const PAGE_SIZE = 12;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The channel's store: published products by category, with the reader's prices; filters live in the URL. */
export function StoreShelfPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const channel = useChannel();
  useDocumentTitle(t('storeSite.title'), channel.data?.name);
  const parsed = Number.parseInt(params.get('page') ?? '', 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  const categoryParam = params.get('category') ?? '';
  const category = SLUG.test(categoryParam) ? categoryParam : undefined;
  const q = (params.get('q') ?? '').trim().slice(0, 100);

  return (
    <Flex vertical gap={20}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('storeSite.title')}
        </Typography.Title>
        {channel.data?.name ? <Typography.Text type="secondary">{t('storeSite.subtitle', { channel: channel.data.name })}</Typography.Text> : null}
      </div>
      <FestivalBanner />
      <StoreShelf
        category={category}
        q={q}
        page={page}
        pageSize={PAGE_SIZE}
        onChange={(patch) => {
          const next = new URLSearchParams(params);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined) continue;
            if (value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          setParams(next, { replace: true });
        }}
      />
    </Flex>
  );
}
