import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { useErrorText } from '../../lib/use-api-error';

interface ErrorResultProps {
  error: unknown;
  onRetry?: () => void;
}

/** Full-width error state for a query that failed. */
export function ErrorResult({ error, onRetry }: ErrorResultProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = isApiError(error) && error.status === 404 ? '404' : isApiError(error) && error.status === 403 ? '403' : 'error';
  const title = status === '404' ? t('errors.notFoundTitle') : status === '403' ? t('errors.forbiddenTitle') : t('errors.loadFailed');

  return (
    <Result
      status={status}
      title={title}
      subTitle={errorText(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
