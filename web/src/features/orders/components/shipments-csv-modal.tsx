import { Alert, App, Button, Flex, Input, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadOutlined } from '../../../components/ui/icons';
import { useApiError } from '../../../lib/use-api-error';
import { useImportShipments } from '../api/import-shipments';
import type { ShipmentsResult } from '../types';

const EXAMPLE = 'order_number,carrier,tracking_number\n100001,SF Express,SF1234567890';
const MAX_BYTES = 256 * 1024;

/**
 * Marks orders shipped from a CSV (a file, or pasted): first a dry run that lists each row's
 * problem and changes nothing, then "Apply" for the same text.
 */
export function ShipmentsCsvModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const run = useImportShipments();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<{ csv: string; result: ShipmentsResult } | null>(null);
  const [applied, setApplied] = useState<ShipmentsResult | null>(null);
  const ready = checked !== null && checked.csv === csv && checked.result.shipped > 0;
  const shown = applied ?? (checked?.csv === csv ? checked.result : null);

  const go = (dryRun: boolean) =>
    run.mutate(
      { csv, dryRun },
      {
        onSuccess: (result) => {
          if (dryRun) {
            setChecked({ csv, result });
            setApplied(null);
          } else {
            setApplied(result);
            setChecked(null);
            void message.success(t('ordersConsole.csv.applied', { count: result.shipped }));
          }
        },
        onError: (error) => showError(error),
      },
    );

  const reset = () => {
    setCsv('');
    setChecked(null);
    setApplied(null);
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('ordersConsole.csv.title')}
      onCancel={onClose}
      afterOpenChange={(visible) => (visible ? undefined : reset())}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{applied ? t('ordersConsole.csv.close') : t('common.cancel')}</Button>
          <Button onClick={() => go(true)} disabled={!csv.trim()} loading={run.isPending && run.variables?.dryRun} data-testid="csv-check">
            {t('ordersConsole.csv.check')}
          </Button>
          <Button type="primary" onClick={() => go(false)} disabled={!ready} loading={run.isPending && !run.variables?.dryRun} data-testid="csv-apply">
            {ready ? t('ordersConsole.csv.apply', { count: checked.result.shipped }) : t('ordersConsole.csv.applyIdle')}
          </Button>
        </Flex>
      }
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('ordersConsole.csv.help')}</Typography.Text>
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_BYTES) {
              void message.error(t('ordersConsole.csv.tooBig'));
              return Upload.LIST_IGNORE;
            }
            void file.text().then((text) => {
              setCsv(text);
              setApplied(null);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="csv-file">
            {t('ordersConsole.csv.choose')}
          </Button>
        </Upload>
        <Input.TextArea
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            setApplied(null);
          }}
          placeholder={EXAMPLE}
          autoSize={{ minRows: 5, maxRows: 12 }}
          style={{ fontFamily: 'monospace', fontSize: 13 }}
          data-testid="csv-text"
        />
        {shown ? (
          <Flex vertical gap={8} data-testid="csv-result">
            <Alert
              type={shown.errors.length ? 'warning' : 'success'}
              showIcon
              title={
                shown.dryRun
                  ? t('ordersConsole.csv.wouldShip', { count: shown.shipped }) +
                    (shown.errors.length ? ` · ${t('ordersConsole.csv.rowErrors', { count: shown.errors.length })}` : '')
                  : t('ordersConsole.csv.applied', { count: shown.shipped }) +
                    (shown.errors.length ? ` · ${t('ordersConsole.csv.rowErrors', { count: shown.errors.length })}` : '')
              }
            />
            {shown.errors.length ? (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.code}`}
                pagination={shown.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={shown.errors}
                columns={[
                  { title: t('ordersConsole.csv.row'), dataIndex: 'row', width: 70 },
                  { title: t('ordersConsole.columns.number'), dataIndex: 'orderNumber', width: 120 },
                  { title: t('ordersConsole.csv.problem'), key: 'problem', render: (_, e) => <CsvProblem code={e.code} message={e.message} /> },
                ]}
                data-testid="csv-errors"
              />
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Modal>
  );
}

/** A row's problem: its code translated when this build knows it, else the server's words. */
function CsvProblem({ code, message }: { code: string; message: string }) {
  const { t, i18n } = useTranslation();
  const key = `errors.codes.${code}`;
  const known = typeof i18n.getResource(i18n.resolvedLanguage ?? i18n.language, 'translation', key) === 'string';
  return <Typography.Text>{known ? (t as unknown as (k: string) => string)(key) : message}</Typography.Text>;
}
