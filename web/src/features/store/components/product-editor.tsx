import { App, Card, Col, Empty, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError, useErrorText, useFieldErrors } from '../../../lib/use-api-error';
import { useCreateProduct } from '../api/create-product';
import { useDeleteProduct } from '../api/delete-product';
import { useCategories } from '../api/get-categories';
import { usePublishProduct } from '../api/publish-product';
import { useUnpublishProduct } from '../api/unpublish-product';
import { useUpdateProduct } from '../api/update-product';
import type { AdminProduct } from '../types';
import { ProductActions, type ProductWrites } from './product-actions';
import { ProductDescriptionField } from './product-description-field';
import { hasChanges, SLUG_PATTERN, slugOf, toFormValues, toProductInput, type ProductFormValues } from './product-form-values';
import { ProductImagesField } from './product-images-field';
import { ProductStatusTag, StockTag } from './product-tags';
import { VariantsCard } from './variants-card';

interface ProductEditorProps {
  /** `undefined` for a new product. */
  product: AdminProduct | undefined;
  onBack: () => void;
  /** A new product got its id: the page moves to its address. */
  onCreated: (product: AdminProduct) => void;
  onDeleted: () => void;
}

const FIELDS = new Set(['title', 'slug', 'descriptionMarkdown', 'images', 'categoryIds']);

/** A product: details, Markdown description with the server's preview, pictures, categories; then its variants. */
export function ProductEditor({ product, onBack, onCreated, onDeleted }: ProductEditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { dateTime } = useDateFormat();
  const showError = useApiError();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<ProductFormValues>();
  const [initialValues] = useState(() => toFormValues(product));
  const values = Form.useWatch([], form) as Partial<ProductFormValues> | undefined;
  const categories = useCategories();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const publish = usePublishProduct();
  const unpublish = useUnpublishProduct();
  const remove = useDeleteProduct();
  // A new product's slug follows its title until staff edit the slug themselves.
  const slugTouched = useRef(Boolean(product));
  const changed = values ? hasChanges(values, product) : false;
  const descriptionChanged = Boolean(product && values && (values.descriptionMarkdown ?? '') !== product.descriptionMarkdown);

  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'store.slug_taken') return form.setFields([{ name: 'slug', errors: [errorText(error)] }]);
    const onFields = fieldErrors(error)
      .filter((f) => FIELDS.has(f.name[0] ?? ''))
      .map(({ name, errors }) => ({ name: name[0] === 'categoryIds' ? ['categoryIds'] : name.map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors }));
    if (onFields.length > 0) form.setFields(onFields as Parameters<typeof form.setFields>[0]);
    else showError(error);
  };

  /** Saves the details; a new product is created (and the page moves to it). Resolves to the saved product, or null. */
  const save = async (quiet = false): Promise<AdminProduct | null> => {
    let input;
    try {
      input = toProductInput(await form.validateFields());
    } catch {
      return null;
    }
    try {
      const saved = product ? await update.mutateAsync({ id: product.id, input }) : await create.mutateAsync(input);
      form.setFieldsValue(toFormValues(saved));
      if (!quiet) void message.success(product ? t('store.editor.saved') : t('store.editor.created'));
      if (!product) onCreated(saved);
      return saved;
    } catch (error) {
      onError(error);
      return null;
    }
  };

  const writes: ProductWrites = {
    save: () => save(),
    publish: async () => {
      if (!product) return;
      if (changed && !(await save(true))) return;
      try {
        await publish.mutateAsync(product.id);
        void message.success(t('store.editor.published'));
      } catch (error) {
        showError(error);
      }
    },
    unpublish: async () => {
      if (!product) return;
      try {
        await unpublish.mutateAsync(product.id);
        void message.success(t('store.editor.unpublished'));
      } catch (error) {
        showError(error);
      }
    },
    remove: async () => {
      if (!product) return;
      try {
        await remove.mutateAsync(product.id);
        void message.success(t('store.editor.deleted', { title: product.title }));
        onDeleted();
      } catch (error) {
        showError(error);
      }
    },
    busy: { saving: create.isPending || update.isPending, publishing: publish.isPending, unpublishing: unpublish.isPending, removing: remove.isPending },
  };

  const back = () => {
    if (!changed) return onBack();
    modal.confirm({
      title: t('store.editor.leaveTitle'),
      content: t('store.editor.leaveBody'),
      okText: t('store.editor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('store.editor.keepEditing'),
      onOk: onBack,
    });
  };
  const title = values?.title?.trim() || product?.title || t('store.editor.newTitle');

  return (
    <>
      <PageHeader
        title={<span data-testid="product-heading">{title}</span>}
        subtitle={
          <Flex component="span" wrap gap={8} align="center">
            {product ? <ProductStatusTag status={product.status} /> : null}
            {product?.priceRange ? <StockTag lowStock={product.lowStock} stockTotal={product.stockTotal} /> : null}
            <span>{product ? t('store.editor.savedAt', { date: dateTime(product.updatedAt) }) : t('store.editor.notSaved')}</span>
            {product && changed ? (
              <Typography.Text type="warning" data-testid="unsaved-changes">
                · {t('store.editor.unsaved')}
              </Typography.Text>
            ) : null}
          </Flex>
        }
        onBack={back}
        backLabel={t('common.back')}
        extra={<ProductActions product={product} writes={writes} />}
      />
      <Flex vertical gap={16}>
        <Form<ProductFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          requiredMark="optional"
          onFinish={() => void save()}
          onValuesChange={(patch: Partial<ProductFormValues>) => {
            if ('slug' in patch) slugTouched.current = true;
            if ('title' in patch && !slugTouched.current) form.setFieldValue('slug', slugOf(patch.title ?? ''));
          }}
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card title={t('store.editor.details')}>
                <Form.Item
                  name="title"
                  label={t('store.fields.title')}
                  rules={[
                    { required: true, whitespace: true, message: t('store.fields.titleRequired') },
                    { max: 200, message: t('validation.maxLength', { count: 200 }) },
                  ]}
                >
                  <Input size="large" maxLength={200} placeholder={t('store.fields.titlePlaceholder')} data-testid="product-title" />
                </Form.Item>
                <Form.Item
                  name="slug"
                  label={t('store.fields.slug')}
                  extra={t('store.fields.productSlugHelp')}
                  rules={[
                    { required: true, message: t('store.fields.slugRequired') },
                    { pattern: SLUG_PATTERN, message: t('store.fields.slugInvalid') },
                    { max: 80, message: t('validation.maxLength', { count: 80 }) },
                  ]}
                >
                  <Input maxLength={80} prefix="/store/" data-testid="product-slug" />
                </Form.Item>
                <Form.Item label={t('store.fields.description')} style={{ marginBottom: 0 }}>
                  <ProductDescriptionField saved={product} changed={descriptionChanged} saving={writes.busy.saving} onSave={() => void save()} />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Flex vertical gap={16}>
                <Card title={t('store.fields.images')}>
                  <ProductImagesField />
                </Card>
                <Card title={t('store.fields.categories')}>
                  <Form.Item name="categoryIds" style={{ marginBottom: 0 }} extra={categories.data?.length === 0 ? t('store.editor.noCategories') : undefined}>
                    <Select<string[]>
                      mode="multiple"
                      allowClear
                      loading={categories.isPending}
                      placeholder={t('store.editor.chooseCategories')}
                      options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      optionFilterProp="label"
                      aria-label={t('store.fields.categories')}
                      data-testid="product-categories"
                    />
                  </Form.Item>
                </Card>
              </Flex>
            </Col>
          </Row>
        </Form>
        {product ? (
          <VariantsCard product={product} />
        ) : (
          <Card title={t('store.variants.title')}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('store.variants.saveFirst')} />
          </Card>
        )}
      </Flex>
    </>
  );
}
