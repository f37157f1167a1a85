import { DownloadOutlined, InboxOutlined } from '../../../components/ui/icons';
import { Alert, Button, Flex, Modal, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-api-error';
import { useImportFans } from '../../segments/api/import-fans';
import type { ImportReport } from '../../segments/types';
import { ImportReportView } from '../../segments/components/import-report';

/** The server takes files up to 64 MB. */
const MAX_BYTES = 64 * 1024 * 1024;
const COLUMNS = ['email', 'display_name', 'followed_at', 'tags'] as const;
const SAMPLE =
  'email,display_name,followed_at,tags\nli.lei@example.com,Li Lei,2026-01-31,vip;beta\nhan.mei@example.com,Han Mei,2026-02-14T09:30:00Z,\nnew.fan@example.com,,,newsletter\n';
const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE)}`;

interface ImportFansModalProps {
  open: boolean;
  onClose: () => void;
}

/** Import fans from a CSV file: what the columns mean, the upload, then the report of every row. */
export function ImportFansModal({ open, onClose }: ImportFansModalProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const importFans = useImportFans();
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reset = () => {
    setFileName(null);
    setReport(null);
    setProblem(null);
    importFans.reset();
  };
  const close = () => {
    if (importFans.isPending) return;
    onClose();
    reset();
  };

  const start = async (file: File) => {
    reset();
    setFileName(file.name);
    if (file.size > MAX_BYTES) return setProblem(t('importFans.tooLarge', { size: 64 }));
    if (file.size === 0) return setProblem(t('importFans.empty'));
    try {
      setReport(await importFans.mutateAsync(await file.text()));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('importFans.title')}
      onCancel={close}
      width={720}
      destroyOnHidden
      closable={!importFans.isPending}
      mask={{ closable: !importFans.isPending }}
      footer={
        report || problem ? (
          [
            <Button key="again" onClick={reset} data-testid="import-again">
              {t('importFans.another')}
            </Button>,
            <Button key="done" type="primary" onClick={close}>
              {t('common.done')}
            </Button>,
          ]
        ) : (
          <Button onClick={close} disabled={importFans.isPending}>
            {t('common.cancel')}
          </Button>
        )
      }
    >
      {importFans.isPending ? (
        <Flex vertical align="center" gap={12} style={{ padding: '48px 0' }}>
          <Spin size="large" />
          <Typography.Text strong>{t('importFans.importing', { name: fileName ?? '' })}</Typography.Text>
          <Typography.Text type="secondary">{t('importFans.importingHelp')}</Typography.Text>
        </Flex>
      ) : report ? (
        <ImportReportView report={report} />
      ) : (
        <Flex vertical gap={16}>
          {problem ? (
            <Alert type="error" showIcon title={t('importFans.failed', { name: fileName ?? '' })} description={problem} data-testid="import-problem" />
          ) : null}
          <div data-testid="import-dropzone">
            <Upload.Dragger
              accept=".csv,text/csv"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void start(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('importFans.drop')}</p>
              <p className="ant-upload-hint">{t('importFans.dropHint')}</p>
            </Upload.Dragger>
          </div>
          <div>
            <Typography.Text strong>{t('importFans.columnsTitle')}</Typography.Text>
            <Table
              size="small"
              pagination={false}
              rowKey="column"
              style={{ marginTop: 8 }}
              dataSource={COLUMNS.map((column) => ({ column }))}
              columns={[
                { title: t('importFans.column'), dataIndex: 'column', width: 130, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
                { title: t('importFans.meaning'), key: 'meaning', render: (_, row) => t(`importFans.columns.${row.column}`) },
              ]}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('importFans.safe')}{' '}
            <Typography.Link href={SAMPLE_HREF} download="fanbase-import-sample.csv">
              <DownloadOutlined /> {t('importFans.sample')}
            </Typography.Link>
          </Typography.Paragraph>
        </Flex>
      )}
    </Modal>
  );
}
