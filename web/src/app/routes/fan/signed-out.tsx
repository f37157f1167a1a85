import { Button, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { withNext } from '../../../lib/safe-next';

/** A fan-only page for a visitor: log in or sign up, then come back to `next`. */
export function SignedOutCard({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="403"
        title={t('account.signedOutTitle')}
        subTitle={t('orders.signedOut')}
        extra={
          <Space>
            <Button type="primary" onClick={() => navigate(withNext('/login', next))} data-testid="signed-out-login">
              {t('auth.logIn')}
            </Button>
            <Button onClick={() => navigate(withNext('/signup', next))}>{t('auth.signUp')}</Button>
          </Space>
        }
      />
    </Card>
  );
}
