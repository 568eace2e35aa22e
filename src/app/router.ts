import { useEffect, useState } from 'react';

export type Page = 'translate' | 'review' | 'models' | 'about';

/** What a URL shows: a page, or the not-found page for a path that is none of them. */
export type Route = Page | 'not-found';

export const PAGE_PATHS: Record<Page, string> = {
  translate: '',
  review: 'review',
  models: 'models',
  about: 'about',
};

/**
 * The page for a path under the app's base. A mistyped or stale link gets the not-found page rather than Translate,
 * so it is clear the link led nowhere.
 */
export function pageForPath(pathname: string, base = '/'): Route {
  const rest = pathname.startsWith(base)
    ? pathname.slice(base.length)
    : `${pathname}/` === base
      ? ''
      : pathname.replace(/^\//u, '');
  const path = rest.replace(/\/$/u, '');
  // The app shell itself may be opened by its file name.
  if (path === 'index.html') return 'translate';
  const page = (Object.keys(PAGE_PATHS) as Page[]).find((candidate) => PAGE_PATHS[candidate] === path);
  return page ?? 'not-found';
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

export function useCurrentPage(): Route {
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
