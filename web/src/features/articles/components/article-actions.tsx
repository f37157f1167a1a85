import { DeleteOutlined, EyeInvisibleOutlined, ExportOutlined, SaveOutlined, SendOutlined } from '../../../components/ui/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminArticle } from '../types';
import type { ArticleWrites } from './use-article-writes';

interface ArticleActionsProps {
  article: AdminArticle | undefined;
  writes: ArticleWrites;
}

/**
 * Save, publish, unpublish, delete. Delete is offered only for an article that was never
 * published (its publishedAt stays set once it was): a published one keeps its history.
 */
export function ArticleActions({ article, writes }: ArticleActionsProps) {
  const { t } = useTranslation();
  const published = article?.status === 'published';
  const canDelete = Boolean(article && article.publishedAt === null);
  const busy = writes.saving || writes.publishing || writes.unpublishing || writes.removing;

  return (
    <>
      {canDelete ? (
        <Popconfirm
          title={t('articles.editor.deleteConfirmTitle')}
          description={t('articles.editor.deleteConfirmBody')}
          okText={t('articles.editor.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => writes.remove()}
        >
          <Button danger icon={<DeleteOutlined />} loading={writes.removing} disabled={busy && !writes.removing} data-testid="article-delete">
            {t('articles.editor.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      {published && article ? (
        <>
          <Button icon={<ExportOutlined />} href={`/articles/${article.id}`} target="_blank" data-testid="article-view-live">
            {t('articles.editor.viewLive')}
          </Button>
          <Popconfirm
            title={t('articles.editor.unpublishConfirmTitle')}
            description={t('articles.editor.unpublishConfirmBody')}
            okText={t('articles.editor.unpublish')}
            cancelText={t('common.cancel')}
            onConfirm={() => writes.unpublish()}
          >
            <Button icon={<EyeInvisibleOutlined />} loading={writes.unpublishing} disabled={busy && !writes.unpublishing} data-testid="article-unpublish">
              {t('articles.editor.unpublish')}
            </Button>
          </Popconfirm>
        </>
      ) : null}
      <Button
        type={published ? 'primary' : 'default'}
        icon={<SaveOutlined />}
        loading={writes.saving}
        disabled={busy && !writes.saving}
        onClick={() => void writes.save()}
        data-testid="article-save"
      >
        {published ? t('articles.editor.saveChanges') : t('articles.editor.saveDraft')}
      </Button>
      {published ? null : (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={writes.publishing}
          disabled={busy && !writes.publishing}
          onClick={() => void writes.publish()}
          data-testid="article-publish"
        >
          {t('articles.editor.publish')}
        </Button>
      )}
    </>
  );
}
