import { PlusOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useAddFanTag } from '../../segments/api/add-fan-tag';
import { useFanTags } from '../../segments/api/get-fan-tags';
import { useRemoveFanTag } from '../../segments/api/remove-fan-tag';
import { TagInput } from '../../segments/components/tag-input';

/** The labels staff put on one fan: remove with ×, add with suggestions from tags in use. */
export function FanTagsEditor({ fanId }: { fanId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const tags = useFanTags(fanId);
  const add = useAddFanTag();
  const remove = useRemoveFanTag();
  const [adding, setAdding] = useState(false);

  if (tags.isPending) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  if (tags.isError) return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(tags.error)} />;
  const current = tags.data.tags;

  const onAdd = async (tag: string) => {
    try {
      await add.mutateAsync({ fanId, tag });
      void message.success(t('tags.added', { tag }));
      setAdding(false);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  return (
    <Flex vertical gap={12} data-testid="fan-tags">
      <Flex wrap gap={8} align="center">
        {current.length === 0 && !adding ? <Typography.Text type="secondary">{t('tags.none')}</Typography.Text> : null}
        {current.map((tag) => (
          <Tag
            key={tag}
            color="purple"
            closable
            style={{ marginInlineEnd: 0 }}
            onClose={(event) => {
              event.preventDefault();
              remove.mutate({ fanId, tag }, { onSuccess: () => void message.success(t('tags.removed', { tag })), onError: (error) => showError(error) });
            }}
            data-testid="fan-tag"
          >
            {tag}
          </Tag>
        ))}
        {adding ? null : (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="fan-tag-new">
            {t('tags.new')}
          </Button>
        )}
      </Flex>
      {adding ? <TagInput onSubmit={onAdd} pending={add.isPending} exclude={current} onCancel={() => setAdding(false)} testId="fan-tag-input" /> : null}
    </Flex>
  );
}
