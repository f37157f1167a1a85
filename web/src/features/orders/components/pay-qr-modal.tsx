import { Flex, Modal, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** WeChat Pay Native: the fan scans the code with WeChat, and the order page waits for the payment. */
export function PayQrModal({ codeUrl, onClose }: { codeUrl: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={Boolean(codeUrl)} title={t('orders.pay.qrTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <Flex vertical align="center" gap={16}>
        {codeUrl ? <QRCode value={codeUrl} size={220} /> : null}
        <Typography.Text type="secondary">{t('orders.pay.qrBody')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
