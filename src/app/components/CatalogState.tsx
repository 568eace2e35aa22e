import type { Catalog } from '../../engine/types';

/** What a page shows instead of itself while the catalog is loading or could not be loaded; null once it is in. */
export function catalogPlaceholder(catalog: Catalog | null, catalogError: string | null) {
  if (catalogError) {
    return (
      <p className="error" role="alert" data-testid="catalog-error">
        {catalogError}
      </p>
    );
  }
  if (!catalog) return <p className="muted">Loading the model list…</p>;
  return null;
}
