import { EditOutlined, EyeOutlined, SaveOutlined } from '../../../components/ui/icons';
import { Alert, Button, Empty, Form, Input, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminArticle } from '../types';
import { ArticleBody } from './article-body';

interface ArticleBodyEditorProps {
  saved: AdminArticle | undefined;
  /** The markdown in the editor now differs from the saved one. */
  bodyChanged: boolean;
  saving: boolean;
  onSave: () => void;
}

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/**
 * Markdown source and its preview. The preview is the server's sanitised HTML of the last save:
 * markdown is never turned into HTML in the browser.
 */
export function ArticleBodyEditor({ saved, bodyChanged, saving, onSave }: ArticleBodyEditorProps) {
  const { t } = useTranslation();

  const saveButton = (
    <Button size="small" type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid="preview-save">
      {t('articles.editor.saveAndPreview')}
    </Button>
  );

  let preview;
  if (!saved) {
    preview = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('articles.editor.previewNeedsSave')}>
        {saveButton}
      </Empty>
    );
  } else {
    preview = (
      <>
        {bodyChanged ? <Alert type="warning" showIcon title={t('articles.editor.previewOutdated')} action={saveButton} style={{ marginBottom: 16 }} /> : null}
        {saved.bodyHtml.trim() ? (
          <div style={{ maxWidth: 720 }}>
            <ArticleBody html={saved.bodyHtml} compact testId="article-preview" />
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('articles.editor.previewEmpty')} />
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
          label: t('articles.editor.write'),
          icon: <EditOutlined />,
          children: (
            <>
              <Form.Item name="bodyMarkdown" rules={[{ max: 200_000, message: t('validation.maxLength', { count: 200_000 }) }]} style={{ marginBottom: 8 }}>
                <Input.TextArea
                  autoSize={{ minRows: 14, maxRows: 40 }}
                  placeholder={t('articles.editor.bodyPlaceholder')}
                  style={{ fontFamily: MONOSPACE, fontSize: 14 }}
                  data-testid="article-body"
                />
              </Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('articles.editor.markdownHelp')}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'preview',
          label: <span data-testid="article-preview-tab">{t('articles.editor.preview')}</span>,
          icon: <EyeOutlined />,
          children: preview,
        },
      ]}
    />
  );
}
