import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShelfCategory } from '../types';

interface CategoryChipsProps {
  categories: ShelfCategory[];
  /** The chosen category's slug; undefined for all. */
  value: string | undefined;
  onChange: (slug: string | undefined) => void;
}

/** The store's category filter: one row of chips that scrolls sideways on a phone. */
export function CategoryChips({ categories, value, onChange }: CategoryChipsProps) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  const chip = (slug: string | undefined, label: string) => (
    <Tag.CheckableTag
      key={slug ?? ''}
      checked={value === slug}
      onChange={() => onChange(slug)}
      style={{ fontSize: 14, padding: '4px 12px', borderRadius: 16, marginInlineEnd: 0, flex: 'none' }}
      data-testid={`category-chip-${slug ?? 'all'}`}
    >
      {label}
    </Tag.CheckableTag>
  );
  return (
    <Flex
      gap={8}
      role="group"
      aria-label={t('storeSite.categories')}
      style={{ overflowX: 'auto', paddingBottom: 4, scrollbarWidth: 'none' }}
      data-testid="category-chips"
    >
      {chip(undefined, t('storeSite.allCategories'))}
      {categories.map((c) => chip(c.slug, c.name))}
    </Flex>
  );
}
