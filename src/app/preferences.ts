import type { BackendPreference } from '../engine/types';

/** localStorage keys: what the user typed and chose, and its translation, survive a reload. */
export const STORAGE_KEYS = {
  backend: 'lexlet.backend',
  text: 'lexlet.translate.text',
  /** The translation of `text` and its language (JSON, see translated-output.ts). */
  output: 'lexlet.translate.output',
  source: 'lexlet.translate.source',
  target: 'lexlet.translate.target',
  /** How a translation into Chinese is written: zh (Simplified), zh-TW or zh-HK (Traditional). */
  chineseScript: 'lexlet.translate.chineseScript',
  /** The model picked for a pair that several models translate (JSON array of model ids). */
  chosenModels: 'lexlet.translate.models',
  /** Remote models whose host could not be reached on their last download (JSON array of model ids). */
  unreachableModels: 'lexlet.models.unreachable',
  reviewText: 'lexlet.review.text',
  reviewName: 'lexlet.review.name',
  reviewKind: 'lexlet.review.kind',
  /** The last review's result (JSON, see review/stored-review.ts). */
  reviewResult: 'lexlet.review.result',
  reviewTranslateTarget: 'lexlet.review.translateTarget',
  /** Each pair's glossary: terms and their fixed translations (JSON, see glossary/glossary-store.ts). */
  glossary: 'lexlet.glossary',
} as const;

export function readSetting(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be disabled (privacy settings); the app still works, it just forgets.
    return null;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Full or disabled storage: keep working without persistence.
  }
}

export function readBackendPreference(): BackendPreference {
  const stored = readSetting(STORAGE_KEYS.backend);
  return stored === 'webgpu' || stored === 'wasm' ? stored : 'auto';
}
