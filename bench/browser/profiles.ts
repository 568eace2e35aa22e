import type { ColdStartVariant } from './protocol';

/**
 * The browser profile a cold start runs in. `persistent`: a profile on disk, as a user's browser has, where
 * Chromium keeps the optimized code V8 compiled for onnxruntime's WebAssembly (its code cache) from one visit to
 * the next. `incognito`: an off-the-record context, which keeps no code cache, so every tab compiles anew.
 */
export type BrowserProfile = 'persistent' | 'incognito';

export const BROWSER_PROFILES: readonly BrowserProfile[] = ['persistent', 'incognito'];

/**
 * How long the earlier visit's tab stays open: V8 hands its optimized WebAssembly code to the code cache once
 * no new optimized code has come for 2 s (V8's wasm_caching_timeout_ms), so a tab closed sooner leaves none.
 */
export const EARLIER_VISIT_MS = 3_000;

/** One cold-start tab: its profile, its engine variant and the column it is reported in. */
export interface ColdStartRun {
  profile: BrowserProfile;
  variant: ColdStartVariant;
  label: string;
}

export function parseProfiles(text: string): BrowserProfile[] {
  const profiles = text.split(',').filter(Boolean);
  for (const profile of profiles) {
    if (!BROWSER_PROFILES.includes(profile as BrowserProfile)) {
      throw new Error(`--profiles takes ${BROWSER_PROFILES.join(', ')} (got ${profile})`);
    }
  }
  if (profiles.length === 0) throw new Error('--profiles needs at least one profile');
  return [...new Set(profiles)] as BrowserProfile[];
}

/**
 * Every profile and variant, taking turns tab by tab, `count` tabs each. Columns are named after the variant,
 * with the profile added when more than one is measured.
 */
export function coldStartRuns(
  profiles: readonly BrowserProfile[],
  variants: readonly ColdStartVariant[],
  count: number,
): ColdStartRun[] {
  const kinds = profiles.flatMap((profile) =>
    variants.map((variant) => ({
      profile,
      variant,
      label: profiles.length > 1 ? `${variant} (${profile})` : variant,
    })),
  );
  return Array.from({ length: count }, () => kinds).flat();
}
