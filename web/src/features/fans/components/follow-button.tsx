import { CheckOutlined, HeartOutlined } from '../../../components/ui/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { intentOf, withNext } from '../../../lib/safe-next';
import { useApiError } from '../../../lib/use-api-error';
import { useFollow } from '../api/follow';
import { useUnfollow } from '../api/unfollow';
import type { FanSelf } from '../types';

interface FollowButtonProps {
  /** `null` when nobody is signed in; `undefined` while still loading. */
  fan: FanSelf | null | undefined;
  channelName: string;
  /** Where the fan came from, passed on to the follow call. */
  source?: string;
  /** Where an unfollow happens, passed on to the unfollow call (e.g. the article being read). */
  unfollowSource?: string;
  /** `hero`: the big button of the channel card; `default`: a regular large button. */
  size?: 'hero' | 'default';
  testId?: string;
}

const HERO_STYLE = { minWidth: 200, height: 52, fontSize: 17, borderRadius: 26 } as const;
const DEFAULT_STYLE = { minWidth: 140 } as const;

/**
 * Follow / Following toggle. A signed-out visitor is sent to sign up (or log in) with the intent
 * to follow; back here signed in, the follow is done for them, with this page's source.
 */
export function FollowButton({ fan, channelName, source, unfollowSource, size = 'hero', testId = 'follow-button' }: FollowButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;
  const intent = intentOf(location.state);
  const { message } = App.useApp();
  const showError = useApiError();
  const followMutation = useFollow();
  const unfollowMutation = useUnfollow();
  const pending = followMutation.isPending || unfollowMutation.isPending;
  const buttonStyle = size === 'hero' ? HERO_STYLE : DEFAULT_STYLE;

  const follow = () =>
    followMutation.mutate(source, {
      onSuccess: () => void message.success(t('fanSite.followed', { channel: channelName })),
      onError: (error) => showError(error),
    });

  // Once per arrival with the intent (the ref absorbs StrictMode's second run); the state is
  // cleared so a reload or going back does not follow again.
  const acted = useRef<unknown>(null);
  useEffect(() => {
    if (intent !== 'follow' || !fan || acted.current === location.key) return;
    acted.current = location.key;
    void navigate(here, { replace: true, state: null });
    if (!fan.following) follow();
  });

  if (fan === undefined) {
    return <Button size="large" loading style={buttonStyle} data-testid={testId} />;
  }

  if (fan === null) {
    return (
      <Button
        type="primary"
        size="large"
        icon={<HeartOutlined />}
        style={buttonStyle}
        onClick={() => navigate(withNext('/signup', here, 'follow'))}
        data-testid={testId}
      >
        {t('fanSite.follow')}
      </Button>
    );
  }

  if (fan.following) {
    return (
      <Tooltip title={t('fanSite.unfollowHint')}>
        <Button
          size="large"
          icon={<CheckOutlined />}
          style={buttonStyle}
          loading={pending}
          data-testid={testId}
          onClick={() =>
            unfollowMutation.mutate(unfollowSource, {
              onSuccess: () => void message.info(t('fanSite.unfollowed', { channel: channelName })),
              onError: (error) => showError(error),
            })
          }
        >
          {t('fanSite.following')}
        </Button>
      </Tooltip>
    );
  }

  return (
    <Button type="primary" size="large" icon={<HeartOutlined />} style={buttonStyle} loading={pending} data-testid={testId} onClick={follow}>
      {t('fanSite.follow')}
    </Button>
  );
}
