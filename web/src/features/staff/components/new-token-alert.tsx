import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/ui/copy-field';
import type { CreatedToken } from '../token-types';

/** The new token's secret, shown exactly once. */
export function NewTokenAlert({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={t('tokens.secret.title', { name: created.token.name })}
      description={
        <Flex vertical gap={12} style={{ marginTop: 8 }}>
          <Typography.Text>{t('tokens.secret.once')}</Typography.Text>
          <CopyField value={created.secret} testId="token-secret" />
          <Typography.Text type="secondary">
            {t('tokens.secret.usage')} <Typography.Text code>Authorization: Bearer &lt;token&gt;</Typography.Text>
          </Typography.Text>
        </Flex>
      }
      data-testid="token-secret-alert"
    />
  );
}
