import { AutoComplete, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTags } from '../../segments/api/get-tags';
import { TAG_MAX_LENGTH } from '../../segments/types';
import { isValidTag } from '../../segments/components/segment-form-values';

interface TagInputProps {
  /** Resolves true when the tag was added (the input then clears). */
  onSubmit: (tag: string) => Promise<boolean>;
  pending: boolean;
  /** Tags the fan already has: not suggested again. */
  exclude?: string[];
  onCancel?: () => void;
  testId?: string;
}

/** A tag field that suggests tags already in use and refuses , ; | (the CSV separators). */
export function TagInput({ onSubmit, pending, exclude = [], onCancel, testId }: TagInputProps) {
  const { t } = useTranslation();
  const tags = useTags();
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = value.trim();
  const invalid = trimmed.length > 0 && !isValidTag(trimmed);
  const options = (tags.data?.items ?? [])
    .filter((item) => !exclude.includes(item.tag) && item.tag.toLowerCase().includes(trimmed.toLowerCase()))
    .slice(0, 8)
    .map((item) => ({ value: item.tag }));

  const submit = async () => {
    setTouched(true);
    if (!trimmed || invalid || pending) return;
    if (await onSubmit(trimmed)) {
      setValue('');
      setTouched(false);
    }
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={8}>
        <AutoComplete
          autoFocus
          value={value}
          options={options}
          onChange={setValue}
          onSelect={(selected: string) => setValue(selected)}
          style={{ flex: 1, minWidth: 160 }}
        >
          <Input
            maxLength={TAG_MAX_LENGTH}
            status={invalid ? 'error' : undefined}
            placeholder={t('tags.placeholder')}
            onPressEnter={(event) => {
              event.preventDefault();
              void submit();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') onCancel?.();
            }}
            data-testid={testId}
          />
        </AutoComplete>
        <Button type="primary" loading={pending} disabled={!trimmed || invalid} onClick={() => void submit()} data-testid={testId ? `${testId}-add` : undefined}>
          {t('tags.add')}
        </Button>
      </Flex>
      {invalid || (touched && !trimmed) ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {invalid ? t('tags.invalid', { max: TAG_MAX_LENGTH }) : t('tags.required')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
