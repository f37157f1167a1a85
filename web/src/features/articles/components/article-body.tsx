import './article-body.css';

interface ArticleBodyProps {
  /** HTML the server rendered from Markdown and sanitised; never markdown rendered here. */
  html: string;
  compact?: boolean;
  testId?: string;
}

/** An article's body in reading typography. */
export function ArticleBody({ html, compact = false, testId }: ArticleBodyProps) {
  return (
    <div
      className={compact ? 'fb-article-body fb-article-body--compact' : 'fb-article-body'}
      data-testid={testId}
      // The server sanitises bodyHtml (allow-listed tags and attributes, http(s) links only).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
