import { Button, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LockOutlined } from '../../../components/ui/icons';
import { RouterLink } from '../../../components/ui/router-link';

/** Where fans become members. */
const MEMBERSHIP_PATH = '/membership';

interface ArticleLockCardProps {
  /** The tier the article is for (higher tiers read it too). */
  tier: string;
  signedIn: boolean;
  /** Log in and come back here. */
  loginPath: string;
}

/** In place of a members-only body the reader may not see: who reads it, and the way to become a member. */
export function ArticleLockCard({ tier, signedIn, loginPath }: ArticleLockCardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();

  return (
    <Flex
      vertical
      align="center"
      gap={12}
      data-testid="article-lock"
      style={{
        marginTop: 8,
        padding: 'clamp(20px, 5vw, 32px)',
        textAlign: 'center',
        background: token.colorWarningBg,
        border: `1px solid ${token.colorWarningBorder}`,
        borderRadius: token.borderRadiusLG,
      }}
    >
      <LockOutlined style={{ fontSize: 28, color: token.colorWarning }} />
      <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }} data-testid="article-lock-title">
        {t('articleSite.lockTitle', { tier })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 420, fontSize: 15, textWrap: 'balance' }}>
        {t('articleSite.lockBody', { tier })}
      </Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        href={MEMBERSHIP_PATH}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void navigate(MEMBERSHIP_PATH);
        }}
        data-testid="become-member"
      >
        {t('articleSite.becomeMember')}
      </Button>
      {signedIn ? null : (
        <Typography.Text type="secondary">
          {t('articleSite.lockMember')} <RouterLink to={loginPath}>{t('auth.logIn')}</RouterLink>
        </Typography.Text>
      )}
    </Flex>
  );
}
