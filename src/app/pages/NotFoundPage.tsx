import { navigate, pageHref } from '../router';

/** An unknown address: says so, rather than quietly showing another page under a URL that is not its own. */
export function NotFoundPage() {
  return (
    <section aria-label="Page not found" className="not-found" data-testid="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is no page at <code>{window.location.pathname}</code>.{' '}
        <a
          href={pageHref('translate')}
          onClick={(event) => (event.preventDefault(), navigate('translate'))}
          data-testid="not-found-home"
        >
          Go to Translate
        </a>
      </p>
    </section>
  );
}
