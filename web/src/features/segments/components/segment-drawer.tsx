import { App, Button, Drawer, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useApiError } from '../../../lib/use-api-error';
import { useCreateSegment } from '../../segments/api/create-segment';
import { useUpdateSegment } from '../../segments/api/update-segment';
import type { Segment } from '../../segments/types';
import { SegmentFilterFields } from '../../segments/components/segment-filter-fields';
import { SegmentLiveCount } from '../../segments/components/segment-live-count';
import { type SegmentFormValues, toFilter, toFormValues, toSegmentInput } from '../../segments/components/segment-form-values';

interface SegmentDrawerProps {
  open: boolean;
  /** The segment to edit; a new one when left out. */
  segment?: Segment;
  onClose: () => void;
  onSaved?: (segment: Segment) => void;
}

/** Create or edit a segment: its name, the filter builder and the live count of fans it matches. */
export function SegmentDrawer({ open, segment, onClose, onSaved }: SegmentDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<SegmentFormValues>();
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const saving = create.isPending || update.isPending;
  const filter = toFilter(Form.useWatch((values: SegmentFormValues) => values, form));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(segment));
  }, [open, segment, form]);

  const onFinish = async (values: SegmentFormValues) => {
    const input = toSegmentInput(values);
    try {
      const saved = segment ? await update.mutateAsync({ id: segment.id, input }) : await create.mutateAsync(input);
      void message.success(t(segment ? 'segments.updated' : 'segments.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'segment.name_taken') {
        form.setFields([{ name: 'name', errors: [t('segments.nameTaken')] }]);
      } else if (isApiError(error) && error.code === 'segment.unknown_tier') {
        form.setFields([{ name: 'tierIds', errors: [t('segments.tierGone')] }]);
      } else {
        showError(error, form, ['name']);
      }
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={segment ? t('segments.editTitle', { name: segment.name }) : t('segments.newTitle')}
      size={560}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="segment-save">
            {segment ? t('common.save') : t('segments.create')}
          </Button>
        </Flex>
      }
    >
      <SegmentLiveCount filter={filter} active={open} />
      <Form<SegmentFormValues> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void onFinish(values)} data-testid="segment-form">
        <Form.Item
          name="name"
          label={t('segments.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('segments.nameRequired') },
            { max: 80, message: t('validation.maxLength', { count: 80 }) },
          ]}
        >
          <Input maxLength={80} placeholder={t('segments.namePlaceholder')} data-testid="segment-name" />
        </Form.Item>
        <SegmentFilterFields />
      </Form>
    </Drawer>
  );
}
