import { describe, expect, it } from 'vitest';
import { connectSources, mayConnect } from './connect-policy';

const page = (policy: string | null) => ({
  querySelector: () => (policy === null ? null : ({ getAttribute: () => policy } as unknown as Element)),
});
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://*.hf.co https://huggingface.co http://127.0.0.1:*";
const ORIGIN = 'https://lexlet.example';

describe('connect policy', () => {
  it("reads connect-src from the page's policy, and nothing without one", () => {
    expect(connectSources(page(POLICY))).toEqual([
      "'self'",
      'https://*.hf.co',
      'https://huggingface.co',
      'http://127.0.0.1:*',
    ]);
    expect(connectSources(page("default-src 'self'"))).toEqual(["'self'"]);
    expect(connectSources(page(null))).toBeNull();
  });

  it('allows the page itself, the listed hosts and their subdomains where a wildcard says so', () => {
    const sources = connectSources(page(POLICY));
    expect(mayConnect(`${ORIGIN}/models/catalog.json`, ORIGIN, sources)).toBe(true);
    expect(mayConnect('https://huggingface.co/Xenova/x/resolve/main/a', ORIGIN, sources)).toBe(true);
    expect(mayConnect('https://cas-bridge.xethub.hf.co/x', ORIGIN, sources)).toBe(true);
    expect(mayConnect('http://127.0.0.1:9000/catalog.json', ORIGIN, sources)).toBe(true);
    expect(mayConnect('https://hf.co.evil.example/x', ORIGIN, sources)).toBe(false);
    expect(mayConnect('https://catalog.example/catalog.json', ORIGIN, sources)).toBe(false);
    expect(mayConnect('http://huggingface.co/x', ORIGIN, sources)).toBe(false);
    expect(mayConnect('https://catalog.example/c.json', ORIGIN, null)).toBe(true);
  });
});
