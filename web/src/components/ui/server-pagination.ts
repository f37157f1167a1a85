import type { TablePaginationConfig } from 'antd';

/** One page of a server-paged list, as the API returns it. */
export interface ServerPage {
  page: number;
  pageSize: number;
  total: number;
}

/** antd Table pagination for a list the server pages (the page size is the reader's to choose). */
export function serverPagination(
  data: ServerPage | undefined,
  onChange: (page: number, pageSize: number) => void,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  return {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? 20,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal,
    onChange,
  };
}
