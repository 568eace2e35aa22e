import { readFileSync } from 'node:fs';
import { parseLanguageModel, type LanguageModel } from './model';

export const SHIPPED_MODEL_URL = new URL('../../../public/models/lexlet-langid/langid.json', import.meta.url);

/** The model the app ships, read from the repository. */
export function shippedModel(): LanguageModel {
  return parseLanguageModel(JSON.parse(readFileSync(SHIPPED_MODEL_URL, 'utf8')));
}
