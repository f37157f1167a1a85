import { TagOutlined } from '../../../components/ui/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useAddFanTag } from '../../segments/api/add-fan-tag';
import { TagPopoverButton } from '../../segments/components/tag-popover-button';

/** "Tag" on a row of fans: a small popover to put one label on that fan. */
export function AddTagButton({ fanId, fanName }: { fanId: string; fanName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const add = useAddFanTag();

  const onAdd = async (tag: string) => {
    try {
      await add.mutateAsync({ fanId, tag });
      void message.success(t('tags.addedTo', { tag, name: fanName }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  return (
    <TagPopoverButton title={t('tags.tagFan', { name: fanName })} onSubmit={onAdd} pending={add.isPending} inputTestId="row-tag-input">
      <Button size="small" icon={<TagOutlined />} data-testid="row-tag">
        {t('tags.tag')}
      </Button>
    </TagPopoverButton>
  );
}
