import { ShareAltOutlined } from '../../../components/ui/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CopyField } from '../../../components/ui/copy-field';
import { useApiError } from '../../../lib/use-api-error';
import { useShareArticle } from '../api/share-article';
import type { ShareLink } from '../types';

interface ShareArticleButtonProps {
  articleId: string;
  /** Signed-out visitors are sent to sign up (and come back here) instead. */
  signedIn: boolean;
  signupPath: string;
}

/** Gets the fan's own share link for the article and shows it, ready to copy. */
export function ShareArticleButton({ articleId, signedIn, signupPath }: ShareArticleButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useApiError();
  const share = useShareArticle();
  const [link, setLink] = useState<ShareLink | null>(null);

  const onClick = () => {
    if (!signedIn) {
      void navigate(signupPath);
      return;
    }
    share.mutate(articleId, { onSuccess: setLink, onError: (error) => showError(error) });
  };

  return (
    <>
      <Button size="large" icon={<ShareAltOutlined />} loading={share.isPending} onClick={onClick} data-testid="article-share">
        {t('articleSite.share')}
      </Button>
      <Modal
        open={link !== null}
        title={t('articleSite.shareTitle')}
        onCancel={() => setLink(null)}
        footer={
          <Button type="primary" onClick={() => setLink(null)}>
            {t('common.done')}
          </Button>
        }
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('articleSite.shareHelp')}</Typography.Text>
          {link ? <CopyField value={link.url} testId="share-url" /> : null}
        </Flex>
      </Modal>
    </>
  );
}
