import { SearchOutlined } from '../../../components/ui/icons';
import { Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAN_STATUSES, type FanStatus } from '../../segments/types';
import { useFanStatusLabel } from '../../segments/components/fan-status-tag';

interface FansFiltersProps {
  q: string;
  status: FanStatus | undefined;
  onSearch: (q: string) => void;
  onStatusChange: (status: FanStatus | undefined) => void;
}

const SEARCH_DELAY_MS = 350;

/** Search box (name or email, searched as you type) and status filter for the fan list. */
export function FansFilters({ q, status, onSearch, onStatusChange }: FansFiltersProps) {
  const { t } = useTranslation();
  const statusLabel = useFanStatusLabel();
  const [text, setText] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => setText(q), [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (value: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (value.trim() !== q) onSearch(value.trim());
    }, delay);
  };

  return (
    <Flex wrap gap={12}>
      <Input
        allowClear
        maxLength={100}
        prefix={<SearchOutlined />}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          search(event.target.value, SEARCH_DELAY_MS);
        }}
        onPressEnter={() => search(text, 0)}
        placeholder={t('fans.searchPlaceholder')}
        style={{ width: 320, maxWidth: '100%' }}
        data-testid="fans-search"
      />
      <Select<FanStatus>
        allowClear
        value={status}
        onChange={(value) => onStatusChange(value ?? undefined)}
        placeholder={t('fans.allStatuses')}
        options={FAN_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
        style={{ width: 200 }}
        aria-label={t('fans.columns.status')}
        data-testid="fans-status-filter"
      />
    </Flex>
  );
}
