import { PlusOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { CreateTokenModal } from '../../../features/staff/components/create-token-modal';
import { NewTokenAlert } from '../../../features/staff/components/new-token-alert';
import { TokensTable } from '../../../features/staff/components/tokens-table';
import type { CreatedToken } from '../../../features/staff/token-types';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** My API tokens: list, create (secret shown once), revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  useDocumentTitle(t('nav.tokens'), 'Fanbase');

  return (
    <>
      <PageHeader
        title={t('nav.tokens')}
        subtitle={t('tokens.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-token">
            {t('tokens.createButton')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        {created ? <NewTokenAlert created={created} onClose={() => setCreated(null)} /> : null}
        <Card>
          <TokensTable />
        </Card>
      </Flex>
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
    </>
  );
}
