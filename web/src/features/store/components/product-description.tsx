import './product-description.css';

/** A product's description: HTML the server rendered from Markdown and sanitised (never Markdown rendered here). */
export function ProductDescription({ html, testId }: { html: string; testId?: string }) {
  return (
    <div
      className="fb-product-description"
      data-testid={testId}
      // The server sanitises descriptionHtml (allow-listed tags and attributes, http(s) links only).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
