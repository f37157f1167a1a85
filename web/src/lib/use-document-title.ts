import { useEffect } from 'react';

/** Sets the browser tab title: "Page · Site". */
export function useDocumentTitle(...parts: Array<string | null | undefined>): void {
  const title = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
