import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';
import type { CategoryInput, StoreCategory } from '../types';
import { SLUG_PATTERN, slugOf } from './product-form-values';

interface CategoryModalProps {
  open: boolean;
  /** The category to edit; a new one when left out. */
  category?: StoreCategory;
  onClose: () => void;
}

/** Create or edit a category: its name, its address (slug) and its place in the store's filter. */
export function CategoryModal({ open, category, onClose }: CategoryModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const [form] = Form.useForm<CategoryInput>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  // The slug follows the name until staff edit it themselves.
  const slugTouched = useRef(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(category ? { name: category.name, slug: category.slug, position: category.position } : { name: '', slug: '', position: 0 });
    slugTouched.current = Boolean(category);
  }, [open, category, form]);

  const onFinish = async (values: CategoryInput) => {
    try {
      const saved = category ? await update.mutateAsync({ id: category.id, input: values }) : await create.mutateAsync(values);
      void message.success(t(category ? 'store.categories.updated' : 'store.categories.created', { name: saved.name }));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'store.category_slug_taken') form.setFields([{ name: 'slug', errors: [errorText(error)] }]);
      else showError(error, form, ['name', 'slug', 'position']);
    }
  };

  return (
    <Modal
      open={open}
      title={category ? t('store.categories.editTitle', { name: category.name }) : t('store.categories.newTitle')}
      okText={category ? t('common.save') : t('store.categories.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      okButtonProps={{ 'data-testid': 'category-save' }}
    >
      <Form<CategoryInput>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={(changed: Partial<CategoryInput>) => {
          if ('slug' in changed) slugTouched.current = true;
          if ('name' in changed && !slugTouched.current) form.setFieldValue('slug', slugOf(changed.name ?? ''));
        }}
        data-testid="category-form"
      >
        <Form.Item
          name="name"
          label={t('store.categories.name')}
          rules={[
            { required: true, whitespace: true, message: t('store.categories.nameRequired') },
            { max: 60, message: t('validation.maxLength', { count: 60 }) },
          ]}
        >
          <Input maxLength={60} placeholder={t('store.categories.namePlaceholder')} data-testid="category-name" />
        </Form.Item>
        <Form.Item
          name="slug"
          label={t('store.fields.slug')}
          extra={t('store.fields.slugHelp')}
          rules={[
            { required: true, message: t('store.fields.slugRequired') },
            { pattern: SLUG_PATTERN, message: t('store.fields.slugInvalid') },
            { max: 80, message: t('validation.maxLength', { count: 80 }) },
          ]}
        >
          <Input maxLength={80} prefix="?category=" data-testid="category-slug" />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('store.categories.position')}
          extra={t('store.categories.positionHelp')}
          rules={[{ type: 'integer', min: 0, max: 10_000, message: t('store.categories.positionRange') }]}
        >
          <InputNumber<number> min={0} max={10_000} precision={0} style={{ width: 140 }} data-testid="category-position" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
