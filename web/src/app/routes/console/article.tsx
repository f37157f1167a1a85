import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useAdminArticle } from '../../../features/articles/api/get-admin-article';
import { ArticleEditor } from '../../../features/articles/components/article-editor';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useDocumentTitle } from '../../../lib/use-document-title';

const LIST_PATH = '/console/articles';
const CONSUMERS: StreamConsumer[] = ['articles.counters'];

/** `/console/articles/new` and `/console/articles/:id`: the article editor. */
export function ArticleEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id } = useParams();
  const article = useAdminArticle(id);
  useDocumentTitle(id ? (article.data?.title ?? t('nav.articles')) : t('articles.editor.newTitle'), 'Fanbase');

  // Back to the list as it was (filters, sort, page) when we came from it.
  const goBack = () => (location.key !== 'default' ? navigate(-1) : navigate(LIST_PATH));

  if (id && article.isError) {
    return (
      <>
        <PageHeader title={t('nav.articles')} onBack={() => navigate(LIST_PATH)} backLabel={t('common.back')} />
        <ErrorResult error={article.error} onRetry={() => void article.refetch()} />
      </>
    );
  }
  if (id && !article.data) return <PageLoader />;

  // A fresh editor per article: the fields start from what that article holds. A new article that
  // just got its id keeps its editor (same fields, same tab) while the address moves to the id.
  const editorKey = (location.state as { editorKey?: string } | null)?.editorKey ?? id ?? 'new';

  return (
    <ArticleEditor
      key={editorKey}
      article={article.data}
      onBack={goBack}
      onCreated={(created) => navigate(`${LIST_PATH}/${created.id}`, { replace: true, state: { editorKey: 'new' } })}
      onDeleted={() => navigate(LIST_PATH, { replace: true })}
      statsNotice={id ? <FiguresCatchingUp consumers={CONSUMERS} refresh={[queryKeys.consoleArticle(id)]} /> : null}
    />
  );
}
