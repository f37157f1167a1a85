import { CheckOutlined, HeartOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
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
}

const BUTTON_STYLE = { minWidth: 200, height: 52, fontSize: 17, borderRadius: 26 } as const;

/** Follow / Following toggle. Signed-out visitors are sent to sign up first. */
export function FollowButton({ fan, channelName, source }: FollowButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const followMutation = useFollow();
  const unfollowMutation = useUnfollow();
  const pending = followMutation.isPending || unfollowMutation.isPending;

  if (fan === undefined) {
    return <Button size="large" loading style={BUTTON_STYLE} data-testid="follow-button" />;
  }

  if (fan === null) {
    return (
      <Button
        type="primary"
        size="large"
        icon={<HeartOutlined />}
        style={BUTTON_STYLE}
        onClick={() => navigate('/signup')}
        data-testid="follow-button"
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
          style={BUTTON_STYLE}
          loading={pending}
          data-testid="follow-button"
          onClick={() =>
            unfollowMutation.mutate(undefined, {
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
    <Button
      type="primary"
      size="large"
      icon={<HeartOutlined />}
      style={BUTTON_STYLE}
      loading={pending}
      data-testid="follow-button"
      onClick={() =>
        followMutation.mutate(source, {
          onSuccess: () => void message.success(t('fanSite.followed', { channel: channelName })),
          onError: (error) => showError(error),
        })
      }
    >
      {t('fanSite.follow')}
    </Button>
  );
}
