export {
  detectLanguage,
  detectParagraphs,
  MIN_OWN_LANGUAGE_WORDS,
  wordCount,
  type LanguageGuess,
  type ParagraphLanguage,
} from './detect';
export { parseLanguageModel, type LanguageModel } from './model';

/** Where the bundled model lives, relative to the app's base URL (the same folder as the model catalog). */
export const LANGUAGE_MODEL_PATH = 'models/lexlet-langid/langid.json';
