import { HistoryOutlined, UserOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { AccountDetails } from '../../../features/fans/components/account-details';
import { useMyActivities } from '../../../features/timeline/api/get-my-activities';
import { ActivityTimeline } from '../../../features/timeline/components/activity-timeline';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** My account: who I am, since when I follow, and my own timeline. */
export function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const channel = useChannel();
  const activities = useMyActivities({ enabled: Boolean(me.data) });
  useDocumentTitle(t('fanSite.myAccount'), channel.data?.name);

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <Card>
        <Result
          status="403"
          title={t('account.signedOutTitle')}
          subTitle={t('account.signedOutBody')}
          extra={
            <Space>
              <Button type="primary" onClick={() => navigate('/login')}>
                {t('auth.logIn')}
              </Button>
              <Button onClick={() => navigate('/signup')}>{t('auth.signUp')}</Button>
            </Space>
          }
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={24}>
      <Card
        title={
          <Space>
            <UserOutlined />
            {t('fanSite.myAccount')}
          </Space>
        }
      >
        <AccountDetails fan={me.data} />
      </Card>
      <Card
        title={
          <Space>
            <HistoryOutlined />
            {t('account.myActivity')}
          </Space>
        }
      >
        <ActivityTimeline query={activities} emptyText={t('account.noActivity')} articleHref={(articleId) => `/articles/${articleId}`} audience="fan" />
      </Card>
    </Flex>
  );
}
