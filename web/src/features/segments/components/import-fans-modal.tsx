import { DownloadOutlined, InboxOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Flex, Modal, Progress, Spin, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useErrorText } from '../../../lib/use-api-error';
import { useFanImport, useImportFans } from '../../segments/api/import-fans';
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
  const { message } = App.useApp();
  const importFans = useImportFans();
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** A large file's import, running in the background: followed here until it finishes. */
  const [backgroundId, setBackgroundId] = useState<string | null>(null);
  const background = useFanImport(backgroundId);
  const state = background.data;
  const inBackground = backgroundId !== null && (!state || state.status === 'queued' || state.status === 'running');
  const shownReport = report ?? (state?.status === 'succeeded' ? state.report : null);
  const shownProblem = problem ?? (state?.status === 'failed' && state.error ? errorText(new ApiError(400, state.error.code, state.error.message)) : null);

  const reset = () => {
    setFileName(null);
    setReport(null);
    setProblem(null);
    setBackgroundId(null);
    importFans.reset();
  };
  // An upload in flight must finish first. A background import goes on when the window is closed:
  // opening it again shows its progress, and a message says when it is done.
  const close = () => {
    if (importFans.isPending) return;
    onClose();
    if (!inBackground) reset();
  };
  const finished = backgroundId !== null && state !== undefined && !inBackground;
  useEffect(() => {
    if (!finished || open || !state) return;
    if (state.status === 'succeeded' && state.report)
      void message.success(t('importFans.doneInBackground', { name: fileName ?? '', count: state.report.created }));
    else void message.error(t('importFans.failed', { name: fileName ?? '' }));
    // Shown once, when it finishes; the report stays for when the window is opened again.
  }, [finished]);

  const start = async (file: File) => {
    reset();
    setFileName(file.name);
    if (file.size > MAX_BYTES) return setProblem(t('importFans.tooLarge', { size: 64 }));
    if (file.size === 0) return setProblem(t('importFans.empty'));
    try {
      const answer = await importFans.mutateAsync({ csv: await file.text(), key: crypto.randomUUID() });
      if (answer.kind === 'report') setReport(answer.report);
      else setBackgroundId(answer.import.id);
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
        shownReport || shownProblem ? (
          [
            <Button key="again" onClick={reset} data-testid="import-again">
              {t('importFans.another')}
            </Button>,
            <Button key="done" type="primary" onClick={close}>
              {t('common.done')}
            </Button>,
          ]
        ) : inBackground ? (
          <Button onClick={close} data-testid="import-close">
            {t('importFans.closeWhileRunning')}
          </Button>
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
      ) : inBackground ? (
        <Flex vertical align="center" gap={12} style={{ padding: '40px 0' }} data-testid="import-progress">
          <Progress
            type="circle"
            percent={state && state.rowsTotal > 0 ? Math.floor((100 * state.rowsDone) / state.rowsTotal) : 0}
            status="active"
            aria-label={t('importFans.progressLabel')}
          />
          <Typography.Text strong>{t('importFans.importing', { name: fileName ?? '' })}</Typography.Text>
          <Typography.Text type="secondary">
            {state?.status === 'running'
              ? t('importFans.progress', { done: state.rowsDone.toLocaleString(), total: state.rowsTotal.toLocaleString() })
              : t('importFans.queued', { total: (state?.rowsTotal ?? 0).toLocaleString() })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('importFans.backgroundHelp')}</Typography.Text>
        </Flex>
      ) : shownReport ? (
        <ImportReportView report={shownReport} />
      ) : (
        <Flex vertical gap={16}>
          {shownProblem ? (
            <Alert type="error" showIcon title={t('importFans.failed', { name: fileName ?? '' })} description={shownProblem} data-testid="import-problem" />
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
