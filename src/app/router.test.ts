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

  it('opens Translate at the base, with or without its slash, and by the shell file name', () => {
    expect(pageForPath('/lexlet', '/lexlet/')).toBe('translate');
    expect(pageForPath('/lexlet/', '/lexlet/')).toBe('translate');
    expect(pageForPath('/index.html')).toBe('translate');
  });

  it('shows the not-found page for unknown paths', () => {
    expect(pageForPath('/nothing-here')).toBe('not-found');
    expect(pageForPath('/lexlet/nothing-here', '/lexlet/')).toBe('not-found');
    expect(pageForPath('/review/extra')).toBe('not-found');
    expect(pageForPath('/translate')).toBe('not-found');
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
