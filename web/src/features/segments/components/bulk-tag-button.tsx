import { TagsOutlined } from '../../../components/ui/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useTagFans } from '../../segments/api/tag-fans';
import { TagPopoverButton } from '../../segments/components/tag-popover-button';

/** "Tag selected": one label on every selected fan (say, everyone to invite to a meet-up). */
export function BulkTagButton({ fanIds, onDone }: { fanIds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const tag = useTagFans();

  const onAdd = async (value: string) => {
    try {
      const result = await tag.mutateAsync({ tag: value, fanIds });
      void message.success(t('tags.bulkDone', { tag: value, count: result.tagged, already: result.alreadyTagged }));
      onDone();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  return (
    <TagPopoverButton title={t('tags.tagSelected', { count: fanIds.length })} onSubmit={onAdd} pending={tag.isPending} inputTestId="bulk-tag-input">
      <Button type="primary" size="small" icon={<TagsOutlined />} disabled={fanIds.length === 0} data-testid="bulk-tag">
        {t('tags.tagSelected', { count: fanIds.length })}
      </Button>
    </TagPopoverButton>
  );
}
