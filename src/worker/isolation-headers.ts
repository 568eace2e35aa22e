/** Headers that make a page cross-origin isolated (SharedArrayBuffer, so WASM threads). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Only documents and worker scripts carry the isolation policy; same-origin subresources load under it without
 * these headers. A response of another type is passed through as it is: Chromium keeps its compiled-code cache only
 * for a response the service worker hands on unchanged, and onnxruntime's WebAssembly compiled from that cache
 * starts in a fraction of the time. Without a content type the headers are added, as before.
 */
function carriesIsolationPolicy(response: Response): boolean {
  const type = response.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  return !type || type === 'text/html' || type === 'text/javascript' || type === 'application/javascript';
}

/**
 * Returns `response` with the isolation headers set. A service worker answers from Cache Storage, and a page
 * served without these headers loses `crossOriginIsolated` offline; opaque responses cannot be rewrapped.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.type === 'error') {
    return response;
  }
  if (!carriesIsolationPolicy(response)) return response;
  const missing = Object.entries(ISOLATION_HEADERS).some(
    ([name, value]) => response.headers.get(name) !== value,
  );
  if (!missing) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  // A null-body status (204, 304) must not get a body, even an empty stream.
  const body = [101, 204, 205, 304].includes(response.status) ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
