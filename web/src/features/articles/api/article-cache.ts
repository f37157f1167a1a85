import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminArticle } from '../types';

/**
 * After any write: keep the article the server sent back, refresh the console lists and numbers,
 * and drop what the fan site cached (the feed may have gained or lost an article).
 */
export function afterArticleWrite(queryClient: QueryClient, article: AdminArticle | null, id: string): void {
  // A deleted article's entry is left to expire: removing it under the open editor would refetch a 404.
  if (article) queryClient.setQueryData(queryKeys.consoleArticle(id), article);
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleArticles, predicate: (q) => q.queryKey[2] !== 'detail' });
  void queryClient.invalidateQueries({ queryKey: queryKeys.articles });
}
