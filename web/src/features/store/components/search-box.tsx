import { Input } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { SearchOutlined } from '../../../components/ui/icons';

const SEARCH_DELAY_MS = 350;

interface SearchBoxProps {
  /** The search in force (from the URL). */
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  style?: CSSProperties;
  testId?: string;
}

/** A search box that searches as you type (once typing pauses) and at once on Enter. */
export function SearchBox({ value, onSearch, placeholder, style, testId }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (next: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (next.trim() !== value) onSearch(next.trim());
    }, delay);
  };

  return (
    <Input
      allowClear
      type="search"
      maxLength={100}
      prefix={<SearchOutlined />}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        search(event.target.value, SEARCH_DELAY_MS);
      }}
      onPressEnter={() => search(text, 0)}
      placeholder={placeholder}
      aria-label={placeholder}
      style={style}
      data-testid={testId}
    />
  );
}
