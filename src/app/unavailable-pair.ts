import { findRoute, sourceLanguages, type TranslationRoute } from './language-routes';
import { languageName } from './format';

/**
 * What to say when the pair asked for (stored from an earlier visit or another model list, say) has no model:
 * which pair is shown instead and which languages can be translated. Null when the pair asked for is there.
 */
export function unavailablePairText(
  routes: readonly TranslationRoute[],
  source: string,
  target: string,
  shown: TranslationRoute | undefined,
): string | null {
  if (!shown || !source || !target || findRoute(routes, source, target)) return null;
  const readable = sourceLanguages(routes).map(languageName).join(', ');
  return (
    `No model translates ${languageName(source)} → ${languageName(target)}. ` +
    `Showing ${languageName(shown.source)} → ${languageName(shown.target)} instead. ` +
    `Models here translate from: ${readable}.`
  );
}
