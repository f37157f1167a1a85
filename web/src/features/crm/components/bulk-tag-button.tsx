import { TagsOutlined } from '@ant-design/icons';
import { App, Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useTagFans } from '../api/tag-fans';
import { TagInput } from './tag-input';

/** "Tag selected": one label on every selected fan (say, everyone to invite to a meet-up). */
export function BulkTagButton({ fanIds, onDone }: { fanIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const tag = useTagFans();
  const [open, setOpen] = useState(false);

  const onAdd = async (value: string) => {
    try {
      const result = await tag.mutateAsync({ tag: value, fanIds });
      void message.success(t('tags.bulkDone', { tag: value, count: result.tagged, already: result.alreadyTagged }));
      setOpen(false);
      onDone();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      destroyOnHidden
      title={t('tags.tagSelected', { count: fanIds.length })}
      content={
        <div style={{ width: 280 }}>
          <TagInput onSubmit={onAdd} pending={tag.isPending} onCancel={() => setOpen(false)} testId="bulk-tag-input" />
        </div>
      }
    >
      <Button type="primary" size="small" icon={<TagsOutlined />} disabled={fanIds.length === 0} data-testid="bulk-tag">
        {t('tags.tagSelected', { count: fanIds.length })}
      </Button>
    </Popover>
  );
}
