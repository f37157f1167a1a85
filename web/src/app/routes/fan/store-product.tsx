import { Button, Card, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ArrowLeftOutlined } from '../../../components/ui/icons';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { useCart } from '../../../features/orders/api/get-cart';
import { AddToCart } from '../../../features/orders/components/add-to-cart';
import { useStoreProduct } from '../../../features/store/api/get-store-product';
import { StoreProductView } from '../../../features/store/components/store-product-view';
import { isApiError } from '../../../lib/api-client';
import { withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** One product of the store, by its address: pictures, prices for the reader, variants, description. */
export function StoreProductPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { slug = '' } = useParams();
  const product = useStoreProduct(slug);
  const channel = useChannel();
  const me = useMe();
  const cart = useCart({ enabled: Boolean(me.data) });
  useDocumentTitle(product.data?.title, channel.data?.name);

  const back = (
    <div>
      <RouterLink to="/store" testId="back-to-store">
        <ArrowLeftOutlined /> {t('storeSite.backToStore')}
      </RouterLink>
    </div>
  );

  if (product.isError) {
    return (
      <Flex vertical gap={16}>
        {back}
        <Card>
          {isApiError(product.error) && (product.error.status === 404 || product.error.status === 400) ? (
            // Unknown, or no longer on sale (unpublished): nothing to retry.
            <Result
              status="404"
              title={t('storeSite.notFoundTitle')}
              subTitle={t('storeSite.notFoundBody')}
              extra={
                <Button type="primary" onClick={() => navigate('/store')}>
                  {t('storeSite.allProducts')}
                </Button>
              }
            />
          ) : (
            <ErrorResult error={product.error} onRetry={() => void product.refetch()} />
          )}
        </Card>
      </Flex>
    );
  }
  if (!product.data) return <PageLoader />;

  return (
    <Flex vertical gap={16}>
      {back}
      <StoreProductView
        product={product.data}
        membershipHref="/membership"
        purchase={(variant) => (
          <AddToCart
            key={variant.id}
            variantId={variant.id}
            inStock={variant.inStock}
            cart={cart.data}
            signedIn={Boolean(me.data)}
            onSignIn={() => void navigate(withNext('/signup', `/store/${slug}`))}
            onViewCart={() => void navigate('/cart')}
          />
        )}
      />
    </Flex>
  );
}
