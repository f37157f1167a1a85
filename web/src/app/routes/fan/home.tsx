import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { RouterLink } from '../../../components/ui/router-link';
import { LatestArticles } from '../../../features/articles/components/latest-articles';
import { useChannel } from '../../../features/channel/api/get-channel';
import { ChannelHero } from '../../../features/channel/components/channel-hero';
import { FestivalBanner } from '../../../features/festival/components/festival-banner';
import { useMe } from '../../../features/fans/api/get-me';
import { FollowButton } from '../../../features/fans/components/follow-button';
import { useDateFormat } from '../../../lib/format-date';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** The channel's public page with the follow button and the latest articles. */
export function HomePage() {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const [params] = useSearchParams();
  const channel = useChannel();
  const me = useMe();
  useDocumentTitle(channel.data?.name, 'Fanbase');

  if (channel.isError) return <ErrorResult error={channel.error} onRetry={() => void channel.refetch()} />;

  const fan = me.isError ? null : me.data;
  const channelName = channel.data?.name ?? '';

  let note: ReactNode = null;
  if (fan?.following && fan.followingSince) {
    note = t('fanSite.followingSince', { date: date(fan.followingSince) });
  } else if (fan) {
    note = t('fanSite.followPrompt', { channel: channelName });
  } else if (fan === null) {
    note = (
      <Flex vertical gap={4} align="center">
        <span>{t('fanSite.signupPrompt', { channel: channelName })}</span>
        <span>
          {t('auth.haveAccount')} <RouterLink to="/login">{t('auth.logIn')}</RouterLink>
        </span>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={24}>
      <ChannelHero
        channel={channel.data}
        loading={channel.isPending}
        action={channel.data ? <FollowButton fan={fan} channelName={channelName} source={params.get('source') ?? undefined} /> : null}
        note={note}
      />
      {fan ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
          {t('fanSite.accountHint')} <RouterLink to="/me">{t('fanSite.myAccount')}</RouterLink>
        </Typography.Paragraph>
      ) : null}
      <FestivalBanner />
      <LatestArticles feedPath="/articles" />
    </Flex>
  );
}
