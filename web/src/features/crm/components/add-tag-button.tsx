import { TagOutlined } from '@ant-design/icons';
import { App, Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useAddFanTag } from '../api/add-fan-tag';
import { TagInput } from './tag-input';

/** "Tag" on a row of fans: a small popover to put one label on that fan. */
export function AddTagButton({ fanId, fanName }: { fanId: string; fanName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const add = useAddFanTag();
  const [open, setOpen] = useState(false);

  const onAdd = async (tag: string) => {
    try {
      await add.mutateAsync({ fanId, tag });
      void message.success(t('tags.addedTo', { tag, name: fanName }));
      setOpen(false);
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
      title={t('tags.tagFan', { name: fanName })}
      content={
        <div style={{ width: 280 }}>
          <TagInput onSubmit={onAdd} pending={add.isPending} onCancel={() => setOpen(false)} testId="row-tag-input" />
        </div>
      }
    >
      <Button size="small" icon={<TagOutlined />} data-testid="row-tag">
        {t('tags.tag')}
      </Button>
    </Popover>
  );
}
