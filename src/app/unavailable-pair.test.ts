import { describe, expect, it } from 'vitest';
import { catalogModel } from '../engine/catalog-model.test-support';
import { routesAmong } from '../engine/translation-routes';
import { unavailablePairText } from './unavailable-pair';

const routes = routesAmong([
  catalogModel({ id: 'en-es', source: 'en', target: 'es' }),
  catalogModel({ id: 'de-en', source: 'de', target: 'en' }),
]);

describe('unavailablePairText', () => {
  it('names the pair with no model, the pair shown instead and the languages there are models for', () => {
    const shown = routes.find((route) => route.source === 'en' && route.target === 'es');
    expect(unavailablePairText(routes, 'ar', 'es', shown)).toBe(
      'No model translates Arabic → Spanish. Showing English → Spanish instead. Models here translate from: English, German.',
    );
  });

  it('says nothing when the pair has a model, directly or through English', () => {
    const direct = routes.find((route) => route.source === 'en' && route.target === 'es');
    expect(unavailablePairText(routes, 'en', 'es', direct)).toBeNull();
    const pivot = routes.find((route) => route.source === 'de' && route.target === 'es');
    expect(pivot?.viaEnglish).toBe(true);
    expect(unavailablePairText(routes, 'de', 'es', pivot)).toBeNull();
    expect(unavailablePairText([], 'ar', 'es', undefined)).toBeNull();
  });
});
