import { describe, expect, it } from 'vitest';
import { catalogUrl } from './catalog-url';

const at = (href: string) => ({ href, search: new URL(href).search });

describe('catalogUrl', () => {
  it('defaults to the bundled catalog under the app base, whatever the route', () => {
    expect(catalogUrl(at('http://127.0.0.1:4173/'))).toBe('http://127.0.0.1:4173/models/catalog.json');
    expect(catalogUrl(at('http://127.0.0.1:4173/about'))).toBe('http://127.0.0.1:4173/models/catalog.json');
    expect(catalogUrl(at('https://example.org/lexlet/models'), '/lexlet/')).toBe(
      'https://example.org/lexlet/models/catalog.json',
    );
  });

  it('takes ?catalog= relative to the page or absolute', () => {
    expect(catalogUrl(at('http://127.0.0.1:4173/models?catalog=/fixtures/models/catalog.json'))).toBe(
      'http://127.0.0.1:4173/fixtures/models/catalog.json',
    );
    expect(catalogUrl(at('http://localhost/?catalog=https%3A%2F%2Fcdn.example%2Fc.json'))).toBe(
      'https://cdn.example/c.json',
    );
  });
});
