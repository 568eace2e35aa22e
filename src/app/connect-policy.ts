/**
 * What the page's Content-Security-Policy lets it fetch (connect-src), read from its <meta> tag, so that a
 * catalog the policy would block is refused with a clear message instead of failing as a network error.
 */

/** The connect-src sources of the page's policy; null when the page has none (the dev server), which allows all. */
export function connectSources(doc: Pick<Document, 'querySelector'>): string[] | null {
  const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  if (!policy) return null;
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/u);
    if (name === 'connect-src') return values;
  }
  const fallback = /(?:^|;)\s*default-src\s+([^;]*)/u.exec(policy)?.[1];
  return fallback ? fallback.trim().split(/\s+/u) : null;
}

function matches(source: string, url: URL, pageOrigin: string): boolean {
  if (source === "'self'") return url.origin === pageOrigin;
  if (/^[a-z][a-z0-9+.-]*:$/u.test(source)) return url.protocol === source;
  const parsed = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/u.exec(source);
  if (!parsed) return false;
  const [, scheme, wildcard, host, port] = parsed;
  if (url.protocol !== `${scheme}:`) return false;
  const hostMatches = wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const portMatches = port === '*' || (port ?? defaultPort) === (url.port || defaultPort);
  return hostMatches && portMatches;
}

/** True when `sources` (connectSources) let a page at `pageOrigin` fetch `url`. */
export function mayConnect(url: string, pageOrigin: string, sources: readonly string[] | null): boolean {
  if (sources === null) return true;
  const parsed = new URL(url);
  return sources.some((source) => matches(source, parsed, pageOrigin));
}
