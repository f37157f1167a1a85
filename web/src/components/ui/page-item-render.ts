import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement, useCallback, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * antd's pagination draws "previous" and "next" as buttons holding only an arrow icon, which a
 * screen reader names "left" and "right": this names them "Previous page" and "Next page".
 * Pass it as `itemRender` to every pagination.
 */
export function usePageItemRender(): NonNullable<PaginationProps['itemRender']> {
  const { t } = useTranslation();
  return useCallback(
    (_page, type, element) => {
      if ((type === 'prev' || type === 'next') && isValidElement(element)) {
        return cloneElement(element as ReactElement<{ 'aria-label'?: string }>, {
          'aria-label': type === 'prev' ? t('common.previousPage') : t('common.nextPage'),
        });
      }
      return element;
    },
    [t],
  );
}
