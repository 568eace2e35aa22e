import { describe, expect, it } from 'vitest';
import { coldStartRuns, parseProfiles } from './profiles';

describe('parseProfiles', () => {
  it('keeps the order given and drops repeats', () => {
    expect(parseProfiles('incognito,persistent,incognito')).toEqual(['incognito', 'persistent']);
  });

  it('refuses an unknown or missing profile', () => {
    expect(() => parseProfiles('private')).toThrow(/persistent, incognito/u);
    expect(() => parseProfiles('')).toThrow(/at least one/u);
  });
});

describe('coldStartRuns', () => {
  it('alternates profiles and variants tab by tab', () => {
    const runs = coldStartRuns(['persistent', 'incognito'], ['app', 'opened-ahead'], 2);
    expect(runs.map((run) => run.label)).toEqual([
      'app (persistent)',
      'opened-ahead (persistent)',
      'app (incognito)',
      'opened-ahead (incognito)',
      'app (persistent)',
      'opened-ahead (persistent)',
      'app (incognito)',
      'opened-ahead (incognito)',
    ]);
  });

  it('names columns after the variant alone with one profile', () => {
    const runs = coldStartRuns(['incognito'], ['app', 'no-warm-up'], 1);
    expect(runs).toEqual([
      { profile: 'incognito', variant: 'app', label: 'app' },
      { profile: 'incognito', variant: 'no-warm-up', label: 'no-warm-up' },
    ]);
  });
});
