import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage({ home }: { home: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('errors.pageNotFound'), 'Fanbase');
  return (
    <Result
      status="404"
      title={t('errors.pageNotFound')}
      subTitle={t('errors.pageNotFoundHelp')}
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
