import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeleteOutlined, ExportOutlined, EyeInvisibleOutlined, SaveOutlined, SendOutlined } from '../../../components/ui/icons';
import type { AdminProduct } from '../types';

export interface ProductWrites {
  save: () => Promise<unknown>;
  publish: () => Promise<unknown>;
  unpublish: () => Promise<unknown>;
  remove: () => Promise<unknown>;
  busy: { saving: boolean; publishing: boolean; unpublishing: boolean; removing: boolean };
}

/** Save, publish, unpublish, view on the store, delete (an unpublished product only). */
export function ProductActions({ product, writes }: { product: AdminProduct | undefined; writes: ProductWrites }) {
  const { t } = useTranslation();
  const published = product?.status === 'published';
  const { saving, publishing, unpublishing, removing } = writes.busy;
  const busy = saving || publishing || unpublishing || removing;

  return (
    <>
      {product && !published ? (
        <Popconfirm
          title={t('store.editor.deleteTitle')}
          description={t('store.editor.deleteBody')}
          okText={t('store.editor.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => writes.remove()}
        >
          <Button danger icon={<DeleteOutlined />} loading={removing} disabled={busy && !removing} data-testid="product-delete">
            {t('store.editor.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      {published && product ? (
        <>
          <Button icon={<ExportOutlined />} href={`/store/${product.slug}`} target="_blank" data-testid="product-view-live">
            {t('store.editor.viewLive')}
          </Button>
          <Popconfirm
            title={t('store.editor.unpublishTitle')}
            description={t('store.editor.unpublishBody')}
            okText={t('store.editor.unpublish')}
            cancelText={t('common.cancel')}
            onConfirm={() => writes.unpublish()}
          >
            <Button icon={<EyeInvisibleOutlined />} loading={unpublishing} disabled={busy && !unpublishing} data-testid="product-unpublish">
              {t('store.editor.unpublish')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
      <Button
        type={published || !product ? 'primary' : 'default'}
        icon={<SaveOutlined />}
        loading={saving}
        disabled={busy && !saving}
        onClick={() => void writes.save()}
        data-testid="product-save"
      >
        {product ? t('store.editor.save') : t('store.editor.create')}
      </Button>
      {product && !published ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={publishing}
          disabled={busy && !publishing}
          onClick={() => void writes.publish()}
          data-testid="product-publish"
        >
          {t('store.editor.publish')}
        </Button>
      ) : null}
    </>
  );
}
