import { App, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useDateFormat } from '../../../lib/format-date';
import { DEFAULT_CURRENCY } from '../../../lib/format-money';
import { useFieldErrors } from '../../../lib/use-api-error';
import type { AdminArticle } from '../types';
import { ArticleActions } from './article-actions';
import { ArticleBodyEditor } from './article-body-editor';
import { fieldOfPath, hasChanges, toFormValues, type ArticleFormValues } from './article-form-values';
import { ArticleSettingsFields } from './article-settings-fields';
import { ArticleStats } from './article-stats';
import { ArticleStatusTag, MembersTag } from './article-tags';
import { useArticleWrites } from './use-article-writes';

interface ArticleEditorProps {
  /** `undefined` for a new article. */
  article: AdminArticle | undefined;
  onBack: () => void;
  /** A new article got its id (saved or published): the page moves to its address. */
  onCreated: (article: AdminArticle) => void;
  onDeleted: () => void;
  /** Shown above the stats of a saved article (e.g. that they are still catching up). */
  statsNotice?: ReactNode;
}

/** Write an article: fields, Markdown with the server's preview, save / publish / unpublish / delete, stats. */
export function ArticleEditor({ article, onBack, onCreated, onDeleted, statsNotice }: ArticleEditorProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<ArticleFormValues>();
  // The page keys this editor by article id, so the fields start from each article once.
  const [initialValues] = useState(() => toFormValues(article));
  const values = Form.useWatch([], form) as Partial<ArticleFormValues> | undefined;
  const currency = article?.adFee?.currency ?? DEFAULT_CURRENCY;
  const changed = values ? hasChanges(values, article) : !article;
  const bodyChanged = Boolean(article && values && (values.bodyMarkdown ?? '') !== article.bodyMarkdown);

  const onFieldErrors = (error: unknown): boolean => {
    if (!isApiError(error) || error.status !== 400) return false;
    const fields = fieldErrors(error)
      .map((entry) => ({ name: fieldOfPath(entry.name.join('.')), errors: entry.errors }))
      .filter((entry): entry is { name: keyof ArticleFormValues; errors: string[] } => entry.name !== null);
    if (fields.length === 0) return false;
    form.setFields(fields);
    return true;
  };

  const writes = useArticleWrites({ form, article, currency, onCreated, onDeleted, onFieldErrors });
  const { modal } = App.useApp();

  // Work that would be lost: edits to a saved article, or anything typed into a new one.
  const unsavedWork = article ? changed : Boolean(values?.title?.trim() || values?.bodyMarkdown?.trim());
  useEffect(() => {
    if (!unsavedWork) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsavedWork]);
  const back = () => {
    if (!unsavedWork) return onBack();
    modal.confirm({
      title: t('articles.editor.leaveTitle'),
      content: t('articles.editor.leaveBody'),
      okText: t('articles.editor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('articles.editor.keepEditing'),
      onOk: onBack,
    });
  };
  const title = values?.title?.trim() || article?.title || t('articles.editor.newTitle');

  return (
    <>
      <PageHeader
        title={<span data-testid="article-heading">{title}</span>}
        subtitle={
          <Flex component="span" wrap gap={8} align="center">
            {article ? <ArticleStatusTag status={article.status} /> : null}
            {article?.membersTier ? <MembersTag tier={article.membersTier.name} /> : null}
            <span>{article ? t('articles.editor.savedAt', { date: dateTime(article.updatedAt) }) : t('articles.editor.notSaved')}</span>
            {article && changed ? (
              <Typography.Text type="warning" data-testid="unsaved-changes">
                · {t('articles.editor.unsaved')}
              </Typography.Text>
            ) : null}
          </Flex>
        }
        onBack={back}
        backLabel={t('common.back')}
        extra={<ArticleActions article={article} writes={writes} />}
      />
      <Flex vertical gap={16}>
        {article ? statsNotice : null}
        {article ? <ArticleStats stats={article.stats} /> : null}
        <Form<ArticleFormValues> form={form} layout="vertical" initialValues={initialValues} requiredMark="optional" onFinish={() => void writes.save()}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card>
                <Form.Item
                  name="title"
                  label={t('articles.fields.title')}
                  rules={[
                    { required: true, whitespace: true, message: t('articles.validation.titleRequired') },
                    { max: 200, message: t('validation.maxLength', { count: 200 }) },
                  ]}
                >
                  <Input size="large" maxLength={200} placeholder={t('articles.fields.titlePlaceholder')} data-testid="article-title" />
                </Form.Item>
                <Form.Item
                  name="summary"
                  label={t('articles.fields.summary')}
                  extra={t('articles.fields.summaryHelp')}
                  rules={[{ max: 500, message: t('validation.maxLength', { count: 500 }) }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount data-testid="article-summary" />
                </Form.Item>
                <Form.Item label={t('articles.fields.body')} style={{ marginBottom: 0 }}>
                  <ArticleBodyEditor saved={article} bodyChanged={bodyChanged} saving={writes.saving} onSave={() => void writes.save()} />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('articles.editor.settings')}>
                <ArticleSettingsFields
                  kind={values?.kind ?? initialValues.kind}
                  coverUrl={values?.coverUrl}
                  currency={currency}
                  savedTier={article?.membersTier}
                />
              </Card>
            </Col>
          </Row>
        </Form>
      </Flex>
    </>
  );
}
