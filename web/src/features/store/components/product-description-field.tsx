import { Alert, Button, Empty, Form, Input, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditOutlined, EyeOutlined, SaveOutlined } from '../../../components/ui/icons';
import type { AdminProduct } from '../types';
import { ProductDescription } from './product-description';

interface ProductDescriptionFieldProps {
  saved: AdminProduct | undefined;
  /** The Markdown in the editor differs from the saved one. */
  changed: boolean;
  saving: boolean;
  onSave: () => void;
}

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** The description's Markdown and its preview: the server's sanitised HTML of the last save (never rendered here). */
export function ProductDescriptionField({ saved, changed, saving, onSave }: ProductDescriptionFieldProps) {
  const { t } = useTranslation();
  const saveButton = (
    <Button size="small" type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid="description-save">
      {t('store.editor.saveAndPreview')}
    </Button>
  );

  let preview;
  if (!saved) {
    preview = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.editor.previewNeedsSave')}>
        {saveButton}
      </Empty>
    );
  } else {
    preview = (
      <>
        {changed ? <Alert type="warning" showIcon title={t('store.editor.previewOutdated')} action={saveButton} style={{ marginBottom: 16 }} /> : null}
        {saved.descriptionHtml.trim() ? (
          <ProductDescription html={saved.descriptionHtml} testId="description-preview" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.editor.previewEmpty')} />
        )}
      </>
    );
  }

  return (
    <Tabs
      defaultActiveKey="write"
      items={[
        {
          key: 'write',
          label: t('store.editor.write'),
          icon: <EditOutlined />,
          children: (
            <>
              <Form.Item name="descriptionMarkdown" rules={[{ max: 50_000, message: t('validation.maxLength', { count: 50_000 }) }]} style={{ marginBottom: 8 }}>
                <Input.TextArea
                  autoSize={{ minRows: 8, maxRows: 30 }}
                  placeholder={t('store.editor.descriptionPlaceholder')}
                  aria-label={t('store.fields.description')}
                  style={{ fontFamily: MONOSPACE, fontSize: 14 }}
                  data-testid="product-description"
                />
              </Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('store.editor.markdownHelp')}
              </Typography.Text>
            </>
          ),
        },
        { key: 'preview', label: <span data-testid="description-preview-tab">{t('store.editor.preview')}</span>, icon: <EyeOutlined />, children: preview },
      ]}
    />
  );
}
