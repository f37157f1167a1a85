import { CheckOutlined, CopyOutlined } from './icons';
import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../lib/clipboard';

interface CopyFieldProps {
  value: string;
  testId?: string;
}

/** A read-only value with a copy button next to it (invitation links, token secrets). */
export function CopyField({ value, testId }: CopyFieldProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  const onCopy = async () => {
    const ok = await copyText(value);
    if (ok) {
      setCopied(true);
      void message.success(t('common.copied'));
      setTimeout(() => setCopied(false), 2000);
    } else {
      void message.error(t('common.copyFailed'));
    }
  };

  return (
    <Space.Compact block>
      <Input
        readOnly
        value={value}
        data-testid={testId}
        onFocus={(event) => event.target.select()}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
      />
      <Button type="primary" icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void onCopy()}>
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
    </Space.Compact>
  );
}
