import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { useAdminProduct } from '../../../features/store/api/get-admin-product';
import { ProductEditor } from '../../../features/store/components/product-editor';
import { useDocumentTitle } from '../../../lib/use-document-title';

const LIST_PATH = '/console/store';

/** `/console/store/products/new` and `/console/store/products/:id`: the product editor. */
export function ProductEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id } = useParams();
  const product = useAdminProduct(id);
  useDocumentTitle(id ? (product.data?.title ?? t('nav.store')) : t('store.editor.newTitle'), 'Fanbase');

  // Back to the list as it was (filters, page) when we came from it.
  const goBack = () => (location.key !== 'default' ? navigate(-1) : navigate(LIST_PATH));

  if (id && product.isError) {
    return (
      <>
        <PageHeader title={t('nav.store')} onBack={() => navigate(LIST_PATH)} backLabel={t('common.back')} />
        <ErrorResult error={product.error} onRetry={() => void product.refetch()} />
      </>
    );
  }
  if (id && !product.data) return <PageLoader />;

  // A fresh editor per product; a new product that just got its id keeps its editor while the address moves.
  const editorKey = (location.state as { editorKey?: string } | null)?.editorKey ?? id ?? 'new';

  return (
    <ProductEditor
      key={editorKey}
      product={product.data}
      onBack={goBack}
      onCreated={(created) => navigate(`${LIST_PATH}/products/${created.id}`, { replace: true, state: { editorKey: 'new' } })}
      onDeleted={() => navigate(LIST_PATH, { replace: true })}
    />
  );
}
