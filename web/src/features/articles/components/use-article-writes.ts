import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useApiError } from '../../../lib/use-api-error';
import { useCreateArticle } from '../api/create-article';
import { useDeleteArticle } from '../api/delete-article';
import { usePublishArticle } from '../api/publish-article';
import { useUnpublishArticle } from '../api/unpublish-article';
import { useUpdateArticle } from '../api/update-article';
import type { AdminArticle } from '../types';
import { hasChanges, toArticleInput, toFormValues, type ArticleFormValues } from './article-form-values';

interface ArticleWritesOptions {
  form: FormInstance<ArticleFormValues>;
  article: AdminArticle | undefined;
  currency: string;
  onCreated: (article: AdminArticle) => void;
  onDeleted: () => void;
  /** Puts a 400 answer's field errors on the fields; false when there were none to show. */
  onFieldErrors: (error: unknown) => boolean;
}

export interface ArticleWrites {
  save: () => Promise<AdminArticle | null>;
  publish: () => Promise<void>;
  unpublish: () => Promise<void>;
  remove: () => Promise<void>;
  saving: boolean;
  publishing: boolean;
  unpublishing: boolean;
  removing: boolean;
}

/** The editor's writes, in order: a publish saves pending changes first; a new article moves to its own address. */
export function useArticleWrites({ form, article, currency, onCreated, onDeleted, onFieldErrors }: ArticleWritesOptions): ArticleWrites {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const publishMutation = usePublishArticle();
  const unpublishMutation = useUnpublishArticle();
  const deleteMutation = useDeleteArticle();

  const fail = (error: unknown) => {
    if (!onFieldErrors(error)) showError(error);
  };

  /** Validates and saves; the saved article, or null when it did not save (errors are shown). */
  const persist = async (): Promise<AdminArticle | null> => {
    try {
      await form.validateFields();
    } catch {
      return null; // the form shows what is wrong
    }
    const input = toArticleInput(form.getFieldsValue(true) as ArticleFormValues, currency);
    try {
      const saved = article ? await update.mutateAsync({ id: article.id, input }) : await create.mutateAsync(input);
      form.setFieldsValue(toFormValues(saved));
      return saved;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const save = async () => {
    const saved = await persist();
    if (saved) {
      void message.success(saved.status === 'published' ? t('articles.editor.savedLive') : t('articles.editor.savedDraft'));
      if (!article) onCreated(saved);
    }
    return saved;
  };

  const publish = async () => {
    const current = !article || hasChanges(form.getFieldsValue(true) as ArticleFormValues, article) ? await persist() : article;
    if (!current) return;
    try {
      await publishMutation.mutateAsync(current.id);
      void message.success(t('articles.editor.published'));
    } catch (error) {
      showError(error);
    }
    if (!article) onCreated(current);
  };

  const unpublish = async () => {
    if (!article) return;
    try {
      await unpublishMutation.mutateAsync(article.id);
      void message.success(t('articles.editor.unpublished'));
    } catch (error) {
      showError(error);
    }
  };

  const remove = async () => {
    if (!article) return;
    try {
      await deleteMutation.mutateAsync(article.id);
      void message.success(t('articles.editor.deleted', { title: article.title }));
      onDeleted();
    } catch (error) {
      if (isApiError(error) && error.code === 'article.was_published') void message.error(t('articles.editor.wasPublished'));
      else showError(error);
    }
  };

  return {
    save,
    publish,
    unpublish,
    remove,
    saving: create.isPending || update.isPending,
    publishing: publishMutation.isPending,
    unpublishing: unpublishMutation.isPending,
    removing: deleteMutation.isPending,
  };
}
