import { Flex, Modal, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** WeChat Pay Native: the fan scans the code with WeChat (on another phone, or the computer's screen). */
export function PayQrModal({ codeUrl, onClose }: { codeUrl: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={Boolean(codeUrl)} title={t('membership.qr.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <Flex vertical align="center" gap={16}>
        {codeUrl ? <QRCode value={codeUrl} size={220} /> : null}
        <Typography.Text type="secondary">{t('membership.qr.body')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
