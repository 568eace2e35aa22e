import { describe, expect, it } from 'vitest';
import { hrefFor, pageForPath } from './router';

describe('pageForPath', () => {
  it('maps paths under the base to pages', () => {
    expect(pageForPath('/')).toBe('translate');
    expect(pageForPath('/review')).toBe('review');
    expect(pageForPath('/lexlet/review/', '/lexlet/')).toBe('review');
    expect(pageForPath('/models')).toBe('models');
    expect(pageForPath('/about/')).toBe('about');
    expect(pageForPath('/lexlet/models', '/lexlet/')).toBe('models');
  });

  it('falls back to Translate for unknown paths', () => {
    expect(pageForPath('/nothing-here')).toBe('translate');
  });
});

describe('hrefFor', () => {
  it('keeps the query string', () => {
    expect(hrefFor('models', '/', '?catalog=/fixtures/models/catalog.json')).toBe(
      '/models?catalog=/fixtures/models/catalog.json',
    );
    expect(hrefFor('translate', '/lexlet/')).toBe('/lexlet/');
    expect(hrefFor('review', '/', '?catalog=/c.json')).toBe('/review?catalog=/c.json');
  });
});
