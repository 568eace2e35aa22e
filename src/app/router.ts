import { useEffect, useState } from 'react';

export type Page = 'translate' | 'review' | 'models' | 'about';

export const PAGE_PATHS: Record<Page, string> = {
  translate: '',
  review: 'review',
  models: 'models',
  about: 'about',
};

/** The page for a path under the app's base; anything unknown shows the Translate page. */
export function pageForPath(pathname: string, base = '/'): Page {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//u, '');
  const segment = rest.split('/')[0] ?? '';
  if (segment === 'review') return 'review';
  if (segment === 'models') return 'models';
  if (segment === 'about') return 'about';
  return 'translate';
}

/** The href of a page; the query (e.g. `?catalog=`) is kept so a chosen catalog survives navigation. */
export function hrefFor(page: Page, base = '/', search = ''): string {
  return `${base}${PAGE_PATHS[page]}${search}`;
}

const BASE = import.meta.env.BASE_URL;

export function navigate(page: Page): void {
  const href = hrefFor(page, BASE, window.location.search);
  if (href !== window.location.pathname + window.location.search) window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useCurrentPage(): Page {
  const [page, setPage] = useState(() => pageForPath(window.location.pathname, BASE));
  useEffect(() => {
    const update = () => setPage(pageForPath(window.location.pathname, BASE));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return page;
}

export function pageHref(page: Page): string {
  return hrefFor(page, BASE, window.location.search);
}
