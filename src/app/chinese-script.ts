import { languageName } from './format';

/** How a translation into Chinese can be written: the models' Simplified, or rewritten in Traditional. */
export const CHINESE_SCRIPTS = [
  { locale: 'zh', label: 'Simplified (简体)' },
  { locale: 'zh-TW', label: 'Traditional, Taiwan (繁體)' },
  { locale: 'zh-HK', label: 'Traditional, Hong Kong (繁體)' },
] as const;

export const isChineseScript = (value: string | null | undefined): boolean =>
  CHINESE_SCRIPTS.some(({ locale }) => locale === value);

/**
 * The locale to ask the engine to write `target` in: a Traditional script chosen for Chinese, else undefined
 * (the model's own Simplified, or any other language as the model writes it).
 */
export function chineseTargetLocale(target: string, script: string | null | undefined): string | undefined {
  return target === 'zh' && script && script !== 'zh' && isChineseScript(script) ? script : undefined;
}

/** Languages to translate into, with Chinese offered once per script (zh, zh-TW, zh-HK), in place. */
export function withChineseScripts(targets: readonly string[]): string[] {
  return targets.flatMap((code) => (code === 'zh' ? CHINESE_SCRIPTS.map(({ locale }) => locale) : [code]));
}

/** The language of a target that may name a script ("zh-TW" → "zh"). */
export const targetLanguage = (target: string): string => (isChineseScript(target) ? 'zh' : target);

/** A target's name, its script said for Chinese: "Chinese (Traditional, Taiwan)". */
export function targetName(target: string): string {
  const script = CHINESE_SCRIPTS.find(({ locale }) => locale === target);
  return script ? `${languageName('zh')} (${script.label.replace(/ \(.*\)$/u, '')})` : languageName(target);
}
