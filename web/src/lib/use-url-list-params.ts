import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;

/** A patch of URL query values: `undefined` leaves a value as it is, `null` or `''` removes it. */
export type UrlParamsPatch = Record<string, string | number | null | undefined>;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * The query of a server-paged list kept in the URL: `page` and `pageSize` (left out at their
 * defaults), `update` for the list's other filters (replacing the history entry), and
 * `onPageChange` to hand to an antd Table's pagination (a new page size goes back to page 1).
 */
export function useUrlListParams(defaultPageSize = DEFAULT_PAGE_SIZE) {
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), defaultPageSize);

  const update = (patch: UrlParamsPatch) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  const onPageChange = (nextPage: number, nextSize: number) =>
    update({
      page: nextSize !== pageSize || nextPage === 1 ? null : nextPage,
      pageSize: nextSize === defaultPageSize ? null : nextSize,
    });

  return { params, page, pageSize, update, onPageChange };
}
