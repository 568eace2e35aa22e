import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolationHeaders } from './isolation-headers';

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP and keeps status, other headers and body', async () => {
    const original = new Response('<!doctype html>', {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/html' },
    });
    const wrapped = withIsolationHeaders(original);
    expect(wrapped.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(wrapped.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(wrapped.headers.get('Content-Type')).toBe('text/html');
    expect(wrapped.status).toBe(200);
    expect(await wrapped.text()).toBe('<!doctype html>');
  });

  it('returns the same response when the headers are already there', () => {
    const original = new Response('x', { headers: { ...ISOLATION_HEADERS } });
    expect(withIsolationHeaders(original)).toBe(original);
  });

  it('overrides a weaker embedder policy', () => {
    const original = new Response('x', {
      headers: { 'Content-Type': 'text/html', 'Cross-Origin-Embedder-Policy': 'unsafe-none' },
    });
    expect(withIsolationHeaders(original).headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('keeps null-body statuses without a body', () => {
    const wrapped = withIsolationHeaders(new Response(null, { status: 204 }));
    expect(wrapped.status).toBe(204);
    expect(wrapped.body).toBeNull();
  });

  it('adds the headers to worker scripts and to responses without a content type', () => {
    const script = new Response('x', { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    // A byte body gets no default content type.
    const untyped = new Response(new Uint8Array([1]));
    for (const response of [script, untyped]) {
      expect(withIsolationHeaders(response).headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    }
  });

  it('passes WebAssembly and other subresources through unchanged', () => {
    for (const type of ['application/wasm', 'application/json', 'application/octet-stream']) {
      const original = new Response('x', { headers: { 'Content-Type': type } });
      expect(withIsolationHeaders(original)).toBe(original);
    }
  });

  it('leaves error responses alone', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });
});
